using System.Security.Cryptography;
using FluentValidation;
using MediatR;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Application.Common.Uploads;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.RegisterImports;

/// <summary>
/// A state administrator hands in a file of the state's earlier register (.xlsx or CSV). A file that cannot be a
/// register (empty, too large, no spreadsheet, past the import limits once unpacked — a bomb —, missing required
/// columns, no rows) is refused here; otherwise it is kept in the document store and a dry run is queued
/// (<see cref="RunRegisterImport"/>), which reports on every row and writes nothing else.
/// </summary>
public static class SubmitRegisterImport
{
    public const int MaximumBytes = 64 * 1024 * 1024;

    private static readonly SpreadsheetUpload Upload = new(nameof(Command.File), MaximumBytes, int.MaxValue);

    [AllowedRoles(Roles.StateAdmin)]
    public sealed record Command(string StateCode, Stream File, string FileName) : ICommand<Submitted>, IStateScoped;

    public sealed record Submitted(Guid Id);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.FileName).MaximumLength(255);
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, TimeProvider clock, IRegisterReader reader, IDocumentStore store, IRegisterImportQueue queue)
        : IRequestHandler<Command, Submitted>
    {
        public async Task<Submitted> Handle(Command command, CancellationToken cancellationToken)
        {
            var bytes = await Upload.ReadAsync(command.File, "Choose a register file; the file chosen is empty.",
                $"The file is larger than {MaximumBytes / 1024 / 1024} MB; split it into smaller files.", cancellationToken);
            // Read whole here (within the limits, so cheaply) so that a bomb or a file without the columns is the sender's answer, not a job's.
            var sheet = reader.Check(bytes);
            Upload.CheckSheet(sheet.Problem, sheet.Rows, "The file has a header row but no rows under it.", "");

            var import = new RegisterImport(StateCode.Parse(command.StateCode), Path.GetFileName(command.FileName.Trim()) is { Length: > 0 } name ? name : "register",
                Convert.ToHexString(SHA256.HashData(bytes)), user.UserId!.Value, clock.GetUtcNow());
            await store.SaveAsync(import.DocumentKey, new MemoryStream(bytes, writable: false), cancellationToken);
            db.RegisterImports.Add(import);
            // Saved before it is queued: a job server may take it at once, and must find it.
            await db.SaveChangesAsync(cancellationToken);
            queue.Enqueue(import.Id);
            return new Submitted(import.Id);
        }
    }
}
