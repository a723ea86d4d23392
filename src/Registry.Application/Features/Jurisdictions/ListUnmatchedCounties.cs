using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.Jurisdictions;

namespace Registry.Application.Features.Jurisdictions;

/// <summary>
/// The people whose county, given as text before counties were codes, matched no county on the Census list, so staff
/// can ask them to choose it. A StateAdmin sees the people with an application or credential in their state;
/// a SystemAdmin sees everyone's, or one state's. The county is an address part: private, for staff only.
/// </summary>
public static class ListUnmatchedCounties
{
    [AllowedRoles(Roles.StateAdmin, Roles.SystemAdmin)]
    public sealed record Query(string? StateCode = null) : IRequest<Result>;

    /// <summary>At most <see cref="Limit"/> people; <paramref name="More"/> says others are left to show once these are fixed.</summary>
    public sealed record Result(IReadOnlyList<Model> People, bool More);

    public const int Limit = 500;

    /// <summary>A person, the county text they gave and the state of their mailing address.</summary>
    public sealed record Model(Guid PersonId, string Name, string CountyGiven, string AddressState);

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var state = user.IsInRole(Roles.SystemAdmin)
                ? string.IsNullOrWhiteSpace(query.StateCode) ? (StateCode?)null
                    : Domain.Jurisdictions.StateCode.TryParse(query.StateCode, out var named) ? named : throw new NotFoundException("State", query.StateCode)
                : user.StateCode ?? throw new ForbiddenException();

            var people = db.People.AsNoTracking()
                .Where(p => p.MailingAddress != null && p.MailingAddress.CountyCode == null && p.MailingAddress.County != "");
            if (state is { } code)
                people = people.Where(p =>
                    db.Credentials.Any(c => c.HolderPersonId == p.Id && c.StateCode == code)
                    || db.Applications.Any(a => a.PersonId == p.Id && db.Programs.Any(g => g.Id == a.ProgramId && g.StateCode == code)));

            var rows = await people
                .OrderBy(p => p.MailingAddress!.State).ThenBy(p => p.LegalLastName).ThenBy(p => p.LegalFirstName).ThenBy(p => p.Id)
                .Take(Limit + 1)
                .Select(p => new { p.Id, p.LegalLastName, p.LegalFirstName, p.MailingAddress!.County, p.MailingAddress.State })
                .ToListAsync(cancellationToken);
            return new Result([.. rows.Take(Limit)
                .OrderBy(r => r.State.Value, StringComparer.Ordinal).ThenBy(r => r.LegalLastName, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.LegalFirstName, StringComparer.OrdinalIgnoreCase)
                .Select(r => new Model(r.Id, $"{r.LegalFirstName} {r.LegalLastName}", r.County, r.State.Value))], rows.Count > Limit);
        }
    }
}
