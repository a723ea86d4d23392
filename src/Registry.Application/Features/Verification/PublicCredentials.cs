using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Interfaces;
using Registry.Domain.Credentials;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;

namespace Registry.Application.Features.Verification;

/// <summary>
/// Loads <see cref="PublicCredential"/>s: the one query every verification path uses. Many credentials go through
/// <see cref="LoadAsync"/> (LINQ, chunked: the records, then their histories read once); one number through
/// <see cref="LoadOneAsync"/> and <see cref="EntityTagOfAsync"/> by an <see cref="IPublicRecordReader"/>: the queries
/// compiled once (EF's <c>CompileAsyncQuery</c>) from the same projection, so a lookup builds no expression tree, or
/// the provider's same statements sent straight.
/// </summary>
public static class PublicCredentials
{
    /// <summary>Keeps IN lists well under every provider's parameter limit (SQL Server: 2,100).</summary>
    public const int QueryChunk = 1_000;

    /// <summary>Bumped when the answer's shape or wording changes, so no cache keeps an answer of an older shape.</summary>
    private const string AnswerShape = "3";

    private static readonly CredentialEventKind[] PublicKinds = Enum.GetValues<CredentialEventKind>().Where(k => k.IsPublicAction()).ToArray();

    /// <summary>The record of each credential with its holder, program, state and history's last change: every path's first statement.</summary>
    private static readonly Expression<Func<IQueryable<Credential>, IQueryable<Person>, IQueryable<CredentialProgram>, IQueryable<Jurisdiction>, IQueryable<Record>>> Rows =
        (credentials, people, programs, jurisdictions) => credentials
            .Join(people, c => c.HolderPersonId, p => p.Id, (c, p) => new { c, p.LegalFirstName, p.LegalLastName, p.Npi, p.NpiHasPeerSpecialistTaxonomy })
            .Join(programs, x => x.c.ProgramId, p => p.Id, (x, p) => new { x.c, x.LegalFirstName, x.LegalLastName, x.Npi, x.NpiHasPeerSpecialistTaxonomy, p.Code, p.Name, p.Requirements.GracePeriodDays })
            .Join(jurisdictions, x => x.c.StateCode, j => j.Code, (x, j) => new Record
            {
                Id = x.c.Id, Number = x.c.Number, LegalFirstName = x.LegalFirstName, LegalLastName = x.LegalLastName, ProgramCode = x.Code, ProgramName = x.Name,
                StateCode = x.c.StateCode, StateName = j.Name, Status = x.c.Status, IssuedOn = x.c.IssuedOn, ExpiresOn = x.c.ExpiresOn, GracePeriodDays = x.GracePeriodDays,
                Npi = x.Npi, NpiHasPeerSpecialistTaxonomy = x.NpiHasPeerSpecialistTaxonomy,
                LastUpdated = x.c.History.OrderByDescending(e => e.Sequence).Select(e => e.RecordedAt).First(),
                // The history only grows: its last sequence stands for every public action in it.
                LastSequence = x.c.History.Max(e => e.Sequence),
                // The last move into the present status: a renewal or a reprimand leaves the status as it was.
                StatusSince = x.c.History.Where(e => e.ToStatus == x.c.Status && e.FromStatus != null && e.FromStatus != e.ToStatus)
                    .OrderByDescending(e => e.Sequence).Select(e => (DateOnly?)e.EffectiveOn).FirstOrDefault(),
            });

    /// <summary>
    /// <see cref="Rows"/> without its history subqueries: many credentials at once read their histories in one statement a
    /// chunk instead (<see cref="Record.ToPublic(IReadOnlyList{HistoryEntry})"/>), and carry no ETag, so no last sequence.
    /// </summary>
    private static readonly Expression<Func<IQueryable<Credential>, IQueryable<Person>, IQueryable<CredentialProgram>, IQueryable<Jurisdiction>, IQueryable<Record>>> RowsWithoutHistory =
        (Expression<Func<IQueryable<Credential>, IQueryable<Person>, IQueryable<CredentialProgram>, IQueryable<Jurisdiction>, IQueryable<Record>>>)
            new WithoutBindings(nameof(Record.LastUpdated), nameof(Record.LastSequence), nameof(Record.StatusSince)).Visit(Rows);

    private static readonly Func<DbContext, CredentialNumber, CancellationToken, Task<Record?>> RowByNumber = EF.CompileAsyncQuery(RowByNumberQuery());

    private static readonly Func<DbContext, Guid, IAsyncEnumerable<PublicAction>> ActionsOf = EF.CompileAsyncQuery((DbContext db, Guid credentialId) =>
        db.Set<CredentialEvent>().Where(e => e.CredentialId == credentialId && PublicKinds.Contains(e.Kind))
            .OrderBy(e => e.EffectiveOn).ThenBy(e => e.Sequence)
            .Select(e => new PublicAction(e.Kind, e.EffectiveOn)));

    /// <summary>
    /// The public view of the given credentials, without an ETag: their records in one statement, then each chunk's
    /// histories in one more, so each credential's history is read once, not once a subquery and again for its public actions.
    /// </summary>
    public static async Task<List<PublicCredential>> LoadAsync(IRegistryDbContext db, IQueryable<Credential> credentials, CancellationToken cancellationToken)
    {
        var query = Splice(RowsWithoutHistory, credentials.Expression, db.People.AsQueryable().Expression, db.Programs.AsQueryable().Expression, db.Jurisdictions.AsQueryable().Expression);
        var rows = await credentials.Provider.CreateQuery<Record>(query).AsNoTracking().ToListAsync(cancellationToken);

        var histories = new Dictionary<Guid, List<HistoryEntry>>();
        foreach (var chunk in rows.Select(r => r.Id).Chunk(QueryChunk))
        {
            var found = await ((DbContext)db).Set<CredentialEvent>().AsNoTracking()
                .Where(e => chunk.Contains(e.CredentialId))
                .Select(e => new HistoryEntry(e.CredentialId, e.Sequence, e.Kind, e.FromStatus, e.ToStatus, e.EffectiveOn, e.RecordedAt))
                .ToListAsync(cancellationToken);
            foreach (var entry in found)
                (histories.TryGetValue(entry.CredentialId, out var list) ? list : histories[entry.CredentialId] = []).Add(entry);
        }

        return rows.Select(r => r.ToPublic(histories[r.Id])).ToList();
    }

    /// <summary>
    /// One credential's public view with its <see cref="PublicCredential.EntityTag"/>, in two statements on one opening
    /// of the connection (<see cref="IDatabaseTransactions.OnOneConnectionAsync"/>); null if no credential has the number.
    /// </summary>
    public static Task<PublicCredential?> LoadOneAsync(IPublicRecordReader records, IDatabaseTransactions database, CredentialNumber number, CancellationToken cancellationToken) =>
        database.OnOneConnectionAsync(ct => records.PublicCredentialAsync(number, ct), cancellationToken);

    /// <summary>
    /// The <see cref="PublicCredential.EntityTag"/> the credential's public view has now, from one statement (a revalidation
    /// needs no public actions: a new one is a new history entry); null if no credential has the number.
    /// </summary>
    public static Task<string?> EntityTagOfAsync(IPublicRecordReader records, IDatabaseTransactions database, CredentialNumber number, CancellationToken cancellationToken) =>
        database.OnOneConnectionAsync(ct => records.EntityTagAsync(number, ct), cancellationToken);

    /// <summary>The public view of the credential with the number, with its tag, by the compiled queries.</summary>
    internal static async Task<PublicCredential?> CompiledPublicCredentialAsync(IRegistryDbContext db, CredentialNumber number, CancellationToken cancellationToken)
    {
        if (await RowByNumber((DbContext)db, number, cancellationToken) is not { } record) return null;
        var actions = new List<PublicAction>();
        await foreach (var action in ActionsOf((DbContext)db, record.Id).WithCancellation(cancellationToken)) actions.Add(action);
        return record.ToPublic(actions) with { EntityTag = record.EntityTag() };
    }

    /// <summary>The tag of the credential with the number, by the compiled record query.</summary>
    internal static async Task<string?> CompiledEntityTagAsync(IRegistryDbContext db, CredentialNumber number, CancellationToken cancellationToken) =>
        (await RowByNumber((DbContext)db, number, cancellationToken))?.EntityTag();

    /// <summary>
    /// The public view of a record read without its history's subqueries (<see cref="Record.LastSequence"/> still set),
    /// made from its whole history, with its tag.
    /// </summary>
    public static PublicCredential FromHistory(Record record, IReadOnlyList<HistoryEntry> history) =>
        record.ToPublic(history) with { EntityTag = record.EntityTag() };

    /// <summary>The tag of a record read with its history's last sequence.</summary>
    public static string EntityTagOf(Record record) => record.EntityTag();

    /// <summary><see cref="Rows"/> of the one credential with the number, its sets asked of the context the query runs on.</summary>
    private static Expression<Func<DbContext, CredentialNumber, CancellationToken, Record?>> RowByNumberQuery()
    {
        var db = Expression.Parameter(typeof(DbContext), "db");
        var number = Expression.Parameter(typeof(CredentialNumber), "number");
        var cancellation = Expression.Parameter(typeof(CancellationToken), "cancellationToken");
        Expression Set<T>() => Expression.Call(db, nameof(DbContext.Set), [typeof(T)]);
        Expression<Func<IQueryable<Credential>, CredentialNumber, IQueryable<Credential>>> byNumber = (credentials, n) => credentials.Where(c => c.Number == n);
        var rows = Splice(Rows, Splice(byNumber, Set<Credential>(), number), Set<Person>(), Set<CredentialProgram>(), Set<Jurisdiction>());
        var first = Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [typeof(Record)], rows);
        return Expression.Lambda<Func<DbContext, CredentialNumber, CancellationToken, Record?>>(first, db, number, cancellation);
    }

    /// <summary>The lambda's body with each of its parameters replaced by the given expression.</summary>
    private static Expression Splice(LambdaExpression lambda, params Expression[] arguments) =>
        new Substitution(lambda.Parameters.Zip(arguments).ToDictionary(p => p.First, p => p.Second)).Visit(lambda.Body);

    private sealed class Substitution(Dictionary<ParameterExpression, Expression> replacements) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => replacements.GetValueOrDefault(node, node);
    }

    /// <summary>The expression with the named members' assignments left out of each object it builds.</summary>
    private sealed class WithoutBindings(params string[] members) : ExpressionVisitor
    {
        protected override Expression VisitMemberInit(MemberInitExpression node) =>
            node.Update(VisitAndConvert(node.NewExpression, nameof(VisitMemberInit)), node.Bindings.Where(b => !members.Contains(b.Member.Name)).Select(VisitMemberBinding));
    }

    /// <summary>One entry of a credential's history, as much of it as the public view is made of.</summary>
    public sealed record HistoryEntry(Guid CredentialId, int Sequence, CredentialEventKind Kind, CredentialStatus? FromStatus, CredentialStatus ToStatus,
        DateOnly EffectiveOn, DateTimeOffset RecordedAt);

    /// <summary>One credential's record, before its public actions join it.</summary>
    public sealed class Record
    {
        public Guid Id { get; init; }
        public required CredentialNumber Number { get; init; }
        public required string LegalFirstName { get; init; }
        public required string LegalLastName { get; init; }
        public required string ProgramCode { get; init; }
        public required string ProgramName { get; init; }
        public required StateCode StateCode { get; init; }
        public required string StateName { get; init; }
        public CredentialStatus Status { get; init; }
        public DateOnly IssuedOn { get; init; }
        public DateOnly ExpiresOn { get; init; }
        public int GracePeriodDays { get; init; }
        public string? Npi { get; init; }
        public bool NpiHasPeerSpecialistTaxonomy { get; init; }
        public DateTimeOffset LastUpdated { get; init; }
        public int LastSequence { get; init; }
        public DateOnly? StatusSince { get; init; }

        internal PublicCredential ToPublic(IReadOnlyList<PublicAction> actions) => ToPublic(actions, LastUpdated, StatusSince);

        /// <summary>The public view from the record and its whole history, as <see cref="Rows"/>' subqueries and <see cref="ActionsOf"/> give it.</summary>
        internal PublicCredential ToPublic(IReadOnlyList<HistoryEntry> history)
        {
            var bySequence = history.OrderBy(e => e.Sequence).ToList();
            var actions = bySequence.Where(e => PublicKinds.Contains(e.Kind)).OrderBy(e => e.EffectiveOn).ThenBy(e => e.Sequence)
                .Select(e => new PublicAction(e.Kind, e.EffectiveOn)).ToList();
            var statusSince = bySequence.LastOrDefault(e => e.ToStatus == Status && e.FromStatus is { } from && from != e.ToStatus)?.EffectiveOn;
            return ToPublic(actions, bySequence[^1].RecordedAt, statusSince);
        }

        private PublicCredential ToPublic(IReadOnlyList<PublicAction> actions, DateTimeOffset lastUpdated, DateOnly? statusSince) => new(
            Number.Value, $"{LegalFirstName} {LegalLastName}", ProgramCode, ProgramName, StateCode.Value,
            Status, IssuedOn, ExpiresOn, actions, lastUpdated)
        {
            StateName = StateName,
            StatusSince = statusSince,
            GraceEndsOn = Status == CredentialStatus.Expired ? ExpiresOn.AddDays(GracePeriodDays) : null,
            Npi = Npi,
            NpiTaxonomy = Npi is not null && NpiHasPeerSpecialistTaxonomy ? Domain.People.Npi.PeerSpecialistTaxonomy : null,
        };

        /// <summary>
        /// A hash of everything the public view is made of: the record's fields (the holder's NPI among them, which changes
        /// no history) and the history's last sequence. The
        /// history only grows, so its last sequence stands for everything taken from it (the public actions, the last
        /// update, the status's start), and a revalidation reads no more of it than an index's last entry.
        /// </summary>
        internal string EntityTag()
        {
            var version = string.Join('\n', AnswerShape, Number.Value, LegalFirstName, LegalLastName, ProgramCode, ProgramName, StateCode.Value, StateName,
                Status, IssuedOn.DayNumber, ExpiresOn.DayNumber, GracePeriodDays, Npi, NpiHasPeerSpecialistTaxonomy, LastSequence);
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(version)).AsSpan(0, 16));
        }
    }
}
