using AutoMapper;
using AutoMapper.QueryableExtensions;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Paging;
using Registry.Application.Common.Security;
using Registry.Domain.Auditing;

namespace Registry.Application.Features.Audit;

/// <summary>
/// A StateAdmin reads who did what, when, to which record, in their state; newest first, filtered and
/// paged in the database. The log itself can only be read: nothing in the registry edits or deletes it.
/// Besides changes it holds sign-ins, refusals and downloads of personal data (<see cref="AuditKind"/>), with the
/// caller's address. A SystemAdmin reads any state's entries, or (no state named) those of no state: applicants',
/// employers' and system administrators' sign-ins, refusals and downloads. The actions to filter by are <see cref="ListAuditActions"/>.
/// </summary>
public static class ListAuditEntries
{
    [AllowedRoles(Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query : IRequest<CursorPage<EntryModel>>
    {
        /// <summary>The state whose entries to read; empty (a SystemAdmin only) for the entries of no state.</summary>
        public string StateCode { get; init; } = "";
        public AuditKind? Kind { get; init; }
        public string? Action { get; init; }
        public string? EntityType { get; init; }
        public string? EntityId { get; init; }
        public string? Actor { get; init; }
        public DateOnly? From { get; init; }
        public DateOnly? To { get; init; }
        public string? Cursor { get; init; }
        public int Limit { get; init; } = Common.Paging.Cursor.DefaultLimit;
    }

    public sealed record EntryModel(Guid Id, DateTimeOffset At, AuditKind Kind, string? ActorName, string? ClientAddress, string Action, string EntityType, string EntityId,
        string? Before, string? After);

    /// <summary>Where a page ended: the last entry's instant and id (many entries share an instant).</summary>
    public sealed record Key(DateTimeOffset At, Guid Id);

    public sealed class MappingProfile : Profile
    {
        public MappingProfile() => CreateProjection<AuditEntry, EntryModel>();
    }

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Limit).WithinPageLimit().OverridePropertyName("limit");
            RuleFor(q => q.Action).MaximumLength(100);
            RuleFor(q => q.EntityType).MaximumLength(100);
            RuleFor(q => q.EntityId).MaximumLength(100);
            RuleFor(q => q.Actor).MaximumLength(256);
            RuleFor(q => q).Must(q => q.From is null || q.To is null || q.From <= q.To).WithName("To").WithMessage("The end date is before the start date.");
        }
    }

    public sealed class Handler(IRegistryDbContext db, IConfigurationProvider mapping, ICurrentUser user) : IRequestHandler<Query, CursorPage<EntryModel>>
    {
        public async Task<CursorPage<EntryModel>> Handle(Query query, CancellationToken cancellationToken)
        {
            var after = Cursor.Decode<Key>(query.Cursor);
            var state = StateOf(query.StateCode, user);
            var entries = db.AuditEntries.AsNoTracking().Where(a => a.StateCode == state);
            if (query.Kind is { } kind) entries = entries.Where(a => a.Kind == kind);
            if (!string.IsNullOrWhiteSpace(query.Action)) entries = entries.Where(a => a.Action == query.Action);
            if (!string.IsNullOrWhiteSpace(query.EntityType)) entries = entries.Where(a => a.EntityType == query.EntityType);
            if (!string.IsNullOrWhiteSpace(query.EntityId)) entries = entries.Where(a => a.EntityId == query.EntityId.Trim());
            if (!string.IsNullOrWhiteSpace(query.Actor)) entries = entries.Where(a => a.ActorName != null && a.ActorName.StartsWith(query.Actor.Trim()));
            if (query.From is { } from) entries = entries.Where(a => a.At >= new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            if (query.To is { } to) entries = entries.Where(a => a.At < new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));
            if (after is not null) entries = entries.Where(a => a.At < after.At || (a.At == after.At && a.Id.CompareTo(after.Id) < 0));

            var rows = await entries
                .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
                .Take(query.Limit + 1)
                .ProjectTo<EntryModel>(mapping)
                .ToListAsync(cancellationToken);
            return Cursor.Page(rows, query.Limit, e => new Key(e.At, e.Id), e => e);
        }
    }

    /// <summary>
    /// The state asked for, checked: staff of it or a SystemAdmin (another state is forbidden, as for every state-scoped
    /// request; a code that is no state is not found); no state at all only for a SystemAdmin.
    /// </summary>
    internal static string? StateOf(string? requested, ICurrentUser user)
    {
        var isSystemAdmin = user.IsInRole(Roles.SystemAdmin);
        if (string.IsNullOrWhiteSpace(requested))
            return isSystemAdmin ? null : throw new ForbiddenException("You can read only your own state's audit log.");
        if (!Domain.Jurisdictions.StateCode.TryParse(requested, out var state)) throw new NotFoundException("State", requested);
        if (!isSystemAdmin && user.StateCode != state) throw new ForbiddenException("You can act only for your own state.");
        return state.Value;
    }
}
