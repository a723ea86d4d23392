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
    private const string AnswerShape = "4";

    private static readonly CredentialEventKind[] PublicKinds = Enum.GetValues<CredentialEventKind>().Where(k => k.IsPublicAction()).ToArray();

    /// <summary>The history entries a public view is made of beyond its record: public actions and endorsements granted or withdrawn.</summary>
    private static readonly CredentialEventKind[] ShownKinds = [.. PublicKinds, CredentialEventKind.EndorsementGranted, CredentialEventKind.EndorsementWithdrawn];

    /// <summary>The record of each credential with its holder, program, state and history's last change: every path's first statement.</summary>
    private static readonly Expression<Func<IQueryable<Credential>, IQueryable<Person>, IQueryable<CredentialProgram>, IQueryable<Jurisdiction>, IQueryable<Record>>> Rows =
        (credentials, people, programs, jurisdictions) => credentials
            .Join(people, c => c.HolderPersonId, p => p.Id, (c, p) => new { c, p.LegalFirstName, p.LegalLastName, p.Npi, p.NpiHasPeerSpecialistTaxonomy })
            .Join(programs, x => x.c.ProgramId, p => p.Id, (x, p) => new { x.c, x.LegalFirstName, x.LegalLastName, x.Npi, x.NpiHasPeerSpecialistTaxonomy, p.Code, p.Name, p.Requirements.GracePeriodDays, p.RequirementsVersion })
            .Join(jurisdictions, x => x.c.StateCode, j => j.Code, (x, j) => new Record
            {
                Id = x.c.Id, Number = x.c.Number, LegalFirstName = x.LegalFirstName, LegalLastName = x.LegalLastName, ProgramCode = x.Code, ProgramName = x.Name,
                StateCode = x.c.StateCode, StateName = j.Name, Status = x.c.Status, IssuedOn = x.c.IssuedOn, ExpiresOn = x.c.ExpiresOn, GracePeriodDays = x.GracePeriodDays,
                Npi = x.Npi, NpiHasPeerSpecialistTaxonomy = x.NpiHasPeerSpecialistTaxonomy, ProgramId = x.c.ProgramId, RequirementsVersion = x.RequirementsVersion,
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

    private static readonly Func<DbContext, Guid, IAsyncEnumerable<ShownEntry>> ActionsOf = EF.CompileAsyncQuery((DbContext db, Guid credentialId) =>
        db.Set<CredentialEvent>().Where(e => e.CredentialId == credentialId && ShownKinds.Contains(e.Kind))
            .OrderBy(e => e.EffectiveOn).ThenBy(e => e.Sequence)
            .Select(e => new ShownEntry(e.Kind, e.EffectiveOn, e.EndorsementCode)));

    /// <summary>A public action or an endorsement's grant or withdrawal, in the history's order.</summary>
    private sealed record ShownEntry(CredentialEventKind Kind, DateOnly EffectiveOn, string? EndorsementCode);

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
                .Select(e => new HistoryEntry(e.CredentialId, e.Sequence, e.Kind, e.FromStatus, e.ToStatus, e.EffectiveOn, e.RecordedAt, e.EndorsementCode))
                .ToListAsync(cancellationToken);
            foreach (var entry in found)
                (histories.TryGetValue(entry.CredentialId, out var list) ? list : histories[entry.CredentialId] = []).Add(entry);
        }

        var views = rows.Select(r => (r.ProgramId, View: r.ToPublic(histories[r.Id]))).ToList();
        var names = await EndorsementNamesAsync(db, views.Where(v => v.View.Endorsements.Count > 0).Select(v => v.ProgramId), cancellationToken);
        return views.Select(v => Named(v.View, names.GetValueOrDefault(v.ProgramId))).ToList();
    }

    /// <summary>The names of each program's endorsements, by code; read only for programs whose credentials show one, so most lookups read nothing more.</summary>
    private static async Task<Dictionary<Guid, Dictionary<string, string>>> EndorsementNamesAsync(IRegistryDbContext db, IEnumerable<Guid> programIds,
        CancellationToken cancellationToken)
    {
        var ids = programIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        var programs = await db.Programs.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        return programs.ToDictionary(p => p.Id, p => p.Requirements.Endorsements.ToDictionary(e => e.Code, e => e.Name, StringComparer.Ordinal));
    }

    private static PublicCredential Named(PublicCredential view, IReadOnlyDictionary<string, string>? names) =>
        names is null ? view : view with { Endorsements = view.Endorsements.Select(e => e with { Name = names.GetValueOrDefault(e.Code) ?? e.Code }).ToList() };

    /// <summary>The view with its endorsements named by the program's definitions (a no-op for one without endorsements).</summary>
    internal static async Task<PublicCredential?> WithEndorsementNamesAsync(IRegistryDbContext db, PublicCredential? view, Guid programId, CancellationToken cancellationToken)
    {
        if (view is null || view.Endorsements.Count == 0) return view;
        var names = await EndorsementNamesAsync(db, [programId], cancellationToken);
        return Named(view, names.GetValueOrDefault(programId));
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
        var shown = new List<ShownEntry>();
        await foreach (var entry in ActionsOf((DbContext)db, record.Id).WithCancellation(cancellationToken)) shown.Add(entry);
        var actions = shown.Where(e => PublicKinds.Contains(e.Kind)).Select(e => new PublicAction(e.Kind, e.EffectiveOn)).ToList();
        var view = record.ToPublic(actions) with
        {
            EntityTag = record.EntityTag(),
            Endorsements = PublicEndorsement.FromHistory(shown.Select(e => (e.Kind, e.EndorsementCode, e.EffectiveOn)), record.Status, record.StatusSince),
        };
        return await WithEndorsementNamesAsync(db, view, record.ProgramId, cancellationToken);
    }

    /// <summary>The tag of the credential with the number, by the compiled record query.</summary>
    internal static async Task<string?> CompiledEntityTagAsync(IRegistryDbContext db, CredentialNumber number, CancellationToken cancellationToken) =>
        (await RowByNumber((DbContext)db, number, cancellationToken))?.EntityTag();

    /// <summary>
    /// The public view of a record read without its history's subqueries (<see cref="Record.LastSequence"/> still set),
    /// made from its whole history, with its tag.
    /// </summary>
    public static Task<PublicCredential?> FromHistoryAsync(IRegistryDbContext db, Record record, IReadOnlyList<HistoryEntry> history, CancellationToken cancellationToken) =>
        WithEndorsementNamesAsync(db, record.ToPublic(history) with { EntityTag = record.EntityTag() }, record.ProgramId, cancellationToken);

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
        DateOnly EffectiveOn, DateTimeOffset RecordedAt, string? EndorsementCode = null);

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
        public Guid ProgramId { get; init; }

        /// <summary>The program's requirements version: endorsement names come from them, so a renamed endorsement changes the tag.</summary>
        public int RequirementsVersion { get; init; }

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
            return ToPublic(actions, bySequence[^1].RecordedAt, statusSince) with
            {
                Endorsements = PublicEndorsement.FromHistory(bySequence.Select(e => (e.Kind, e.EndorsementCode, e.EffectiveOn)), Status, statusSince),
            };
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
        /// no history; the program's requirements version, where endorsement names come from) and the history's last sequence. The
        /// history only grows, so its last sequence stands for everything taken from it (the public actions, the last
        /// update, the status's start), and a revalidation reads no more of it than an index's last entry.
        /// </summary>
        internal string EntityTag()
        {
            var version = string.Join('\n', AnswerShape, Number.Value, LegalFirstName, LegalLastName, ProgramCode, ProgramName, StateCode.Value, StateName,
                Status, IssuedOn.DayNumber, ExpiresOn.DayNumber, GracePeriodDays, Npi, NpiHasPeerSpecialistTaxonomy, RequirementsVersion, LastSequence);
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(version)).AsSpan(0, 16));
        }
    }
}
