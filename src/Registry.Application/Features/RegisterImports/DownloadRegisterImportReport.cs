using System.Text;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.RegisterImports;

/// <summary>A register import's whole report as CSV (row, outcome, message), problems first; it names people, so the download is recorded.</summary>
public static class DownloadRegisterImportReport
{
    [AllowedRoles(Roles.StateAdmin)]
    public sealed record Query(string StateCode, Guid Id) : IRequest<File>, IStateScoped, IAuditedRead
    {
        string IAuditedRead.AuditedType => "RegisterImport";
        string? IAuditedRead.AuditedId => Id.ToString();
    }

    public sealed record File(byte[] Content, string FileName);

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Query, File>
    {
        public async Task<File> Handle(Query query, CancellationToken cancellationToken)
        {
            var state = StateCode.Parse(query.StateCode);
            var import = await db.RegisterImports.AsNoTracking().Where(i => i.Id == query.Id && i.StateCode == state).Select(i => new { i.FileName, i.Status })
                             .SingleOrDefaultAsync(cancellationToken)
                         ?? throw new NotFoundException("Register import", query.Id);
            if (import.Status is RegisterImportStatus.Checking or RegisterImportStatus.Failed)
                throw new ConflictException("The dry run has not written a report for this file; it is ready once the check has finished.");
            var text = new StringBuilder("Row,Outcome,Message\r\n");
            var lines = db.RegisterImportLines.AsNoTracking().Where(l => l.RegisterImportId == query.Id)
                .OrderBy(l => l.Outcome == RegisterRowOutcome.Problem ? 0 : 1).ThenBy(l => l.Row)
                .Select(l => new { l.Row, l.Outcome, l.Message }).AsAsyncEnumerable();
            await foreach (var line in lines.WithCancellation(cancellationToken))
                text.Append(line.Row).Append(',').Append(line.Outcome).Append(',').Append(Field(line.Message)).Append("\r\n");
            return new File(Encoding.UTF8.GetBytes(text.ToString()), $"{Path.GetFileNameWithoutExtension(import.FileName)}-report.csv");
        }

        /// <summary>Quoted, with a leading apostrophe where a spreadsheet would take the text for a formula.</summary>
        private static string Field(string text) =>
            "\"" + (text.Length > 0 && "=+-@".Contains(text[0]) ? "'" : "") + text.Replace("\"", "\"\"") + "\"";
    }
}
