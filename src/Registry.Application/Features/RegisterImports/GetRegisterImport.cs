using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Paging;
using Registry.Application.Common.Security;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.RegisterImports;

/// <summary>A register import of the state, its counts and progress, and a page of its report: problems first, then by row.</summary>
public static class GetRegisterImport
{
    [AllowedRoles(Roles.StateAdmin)]
    public sealed record Query(string StateCode, Guid Id, string? Cursor = null, int Limit = Cursor.DefaultLimit) : IRequest<Model>, IStateScoped;

    public sealed record Model(Guid Id, string FileName, RegisterImportStatus Status, DateTimeOffset SubmittedAt, DateTimeOffset? CheckedAt, DateTimeOffset? ImportedAt,
        int RowsDone, int Rows, int Problems, int NewPeople, int MatchedPeople, int NewCredentials, int Unchanged, string? Problem, bool CanBeImported,
        CursorPage<Line> Report);

    public sealed record Line(int Row, RegisterRowOutcome Outcome, string Message);

    private sealed record Key(int Rank, int Row);

    public sealed class Handler(IRegistryDbContext db) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var state = StateCode.Parse(query.StateCode);
            var import = await db.RegisterImports.AsNoTracking().SingleOrDefaultAsync(i => i.Id == query.Id && i.StateCode == state, cancellationToken)
                         ?? throw new NotFoundException("Register import", query.Id);
            var limit = Math.Clamp(query.Limit, 1, Cursor.MaximumLimit);
            var after = Cursor.Decode<Key>(query.Cursor);
            var lines = db.RegisterImportLines.AsNoTracking().Where(l => l.RegisterImportId == import.Id)
                .Select(l => new { Rank = l.Outcome == RegisterRowOutcome.Problem ? 0 : 1, l.Row, l.Outcome, l.Message });
            if (after is not null) lines = lines.Where(l => l.Rank > after.Rank || (l.Rank == after.Rank && l.Row > after.Row));
            var page = await lines.OrderBy(l => l.Rank).ThenBy(l => l.Row).Take(limit + 1).ToListAsync(cancellationToken);
            var next = page.Count > limit ? Cursor.Encode(new Key(page[limit - 1].Rank, page[limit - 1].Row)) : null;
            return new Model(import.Id, import.FileName, import.Status, import.SubmittedAt, import.CheckedAt, import.ImportedAt, import.RowsDone, import.Rows,
                import.Problems, import.NewPeople, import.MatchedPeople, import.NewCredentials, import.Unchanged, import.Problem, import.CanBeImported,
                new CursorPage<Line>(page.Take(limit).Select(l => new Line(l.Row, l.Outcome, l.Message)).ToList(), next));
        }
    }
}
