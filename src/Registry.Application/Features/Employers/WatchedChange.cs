using Registry.Application.Common.Interfaces;
using Registry.Domain.Credentials;
using Registry.Domain.Employers;

namespace Registry.Application.Features.Employers;

/// <summary>
/// One change on a watched credential as the registry told the employer of it (a <see cref="WatchAlert"/>),
/// and how both lists of changes read and page them: by the time told, then the alert's id to tell apart
/// changes told in the same run.
/// </summary>
public sealed record WatchedChange(string CredentialNumber, string HolderName, CredentialEventKind Change, CredentialStatus Status, DateOnly EffectiveOn, DateTimeOffset NotifiedAt)
{
    /// <summary>For an endorsement granted or withdrawn: its code; null for other changes.</summary>
    public string? Endorsement { get; init; }

    /// <summary>Where a list stands: the last change it showed.</summary>
    public sealed record Position(DateTimeOffset At, Guid Id);

    /// <summary>The alerts with what a change shows; the caller orders by (At, Id) and cuts.</summary>
    internal static IQueryable<Row> Rows(IRegistryDbContext db, IQueryable<WatchAlert> alerts) =>
        alerts.Join(db.Credentials, a => a.CredentialId, c => c.Id, (a, c) => new
            {
                a, c.Number, c.HolderPersonId,
                Endorsement = c.History.Where(e => e.Id == a.CredentialEventId).Select(e => e.EndorsementCode).FirstOrDefault(),
            })
            .Join(db.People, x => x.HolderPersonId, p => p.Id, (x, p) => new Row
            {
                At = x.a.CreatedAt, Id = x.a.Id, Number = x.Number, FirstName = p.LegalFirstName, LastName = p.LegalLastName,
                Kind = x.a.Kind, Status = x.a.Status, EffectiveOn = x.a.EffectiveOn, Endorsement = x.Endorsement,
            });

    internal sealed class Row
    {
        public DateTimeOffset At { get; init; }
        public Guid Id { get; init; }
        public required CredentialNumber Number { get; init; }
        public required string FirstName { get; init; }
        public required string LastName { get; init; }
        public CredentialEventKind Kind { get; init; }
        public CredentialStatus Status { get; init; }
        public DateOnly EffectiveOn { get; init; }
        public string? Endorsement { get; init; }

        public Position Position => new(At, Id);
        public WatchedChange Change => new(Number.Value, $"{FirstName} {LastName}", Kind, Status, EffectiveOn, At) { Endorsement = Endorsement };
    }
}
