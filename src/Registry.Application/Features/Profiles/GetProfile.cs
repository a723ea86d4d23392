using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Security;
using Registry.Domain.People;

namespace Registry.Application.Features.Profiles;

/// <summary>The signed-in applicant's own profile, private details included (only they and their state's staff see those).</summary>
public static class GetProfile
{
    [AllowedRoles(Roles.Applicant)]
    public sealed record Query : IRequest<Model>;

    public sealed record Model(string LegalFirstName, string LegalLastName, string? PreferredName, string? Email, string? Phone,
        DateOnly? DateOfBirth, string? AddressLine1, string? AddressLine2, string? City, string? County, string? CountyCode, string? State, string? PostalCode)
    {
        /// <summary>The holder's individual NPI, public on the verification answer and the roster.</summary>
        public string? Npi { get; init; }

        /// <summary>Whether the NPI carries the peer specialist taxonomy, 175T00000X.</summary>
        public bool NpiHasPeerSpecialistTaxonomy { get; init; }
    }

    /// <summary>The profile as the person's record now stands.</summary>
    public static Model ModelOf(Person person)
    {
        var address = person.MailingAddress;
        return new Model(person.LegalFirstName, person.LegalLastName, person.PreferredName, person.Email, person.Phone, person.DateOfBirth,
            address?.Line1, address?.Line2, address?.City, address?.County, address?.CountyCode?.Value, address?.State.Value, address?.PostalCode)
        {
            Npi = person.Npi,
            NpiHasPeerSpecialistTaxonomy = person.NpiHasPeerSpecialistTaxonomy,
        };
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user) : IRequestHandler<Query, Model>
    {
        public async Task<Model> Handle(Query query, CancellationToken cancellationToken)
        {
            var personId = user.PersonId ?? throw new NotFoundException("Profile", user.UserId?.ToString() ?? "");
            var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, cancellationToken)
                ?? throw new NotFoundException("Profile", personId);
            return ModelOf(person);
        }
    }
}
