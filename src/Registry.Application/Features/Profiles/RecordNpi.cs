using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.People;

namespace Registry.Application.Features.Profiles;

/// <summary>
/// A holder records their individual NPI (National Provider Identifier) and whether it carries the peer specialist
/// taxonomy, 175T00000X, so health plans that verify certification before paying for peer services find both on the
/// verification answer and employers on the roster. An empty NPI clears both.
/// </summary>
public static class RecordNpi
{
    [AllowedRoles(Roles.Applicant)]
    public sealed record Command : ICommand<GetProfile.Model>
    {
        /// <summary>Ten digits; spaces and hyphens between them are allowed. Empty to clear.</summary>
        public string? Npi { get; init; }

        /// <summary>Whether the NPI is registered with the peer specialist taxonomy (175T00000X) in NPPES.</summary>
        public bool PeerSpecialistTaxonomy { get; init; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Npi)
                .Must(npi => string.IsNullOrWhiteSpace(npi) || npi.Count(char.IsAsciiDigit) == 10 && npi.All(c => char.IsAsciiDigit(c) || c is ' ' or '-'))
                .WithMessage("Enter your NPI as 10 digits, like 1234567893.")
                .Must(npi => string.IsNullOrWhiteSpace(npi) || npi.Count(char.IsAsciiDigit) != 10 || Domain.People.Npi.TryParse(npi, out _))
                .WithMessage("This is not a valid NPI: its last digit does not match the others. Check it against your NPI notice or the NPPES registry.");
            RuleFor(c => c.PeerSpecialistTaxonomy)
                .Must((command, taxonomy) => !taxonomy || !string.IsNullOrWhiteSpace(command.Npi))
                .WithMessage("Enter your NPI as well, or leave the taxonomy unticked.");
        }
    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user) : IRequestHandler<Command, GetProfile.Model>
    {
        public async Task<GetProfile.Model> Handle(Command command, CancellationToken cancellationToken)
        {
            var personId = user.PersonId ?? throw new NotFoundException("Profile", user.UserId?.ToString() ?? "");
            var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId, cancellationToken)
                ?? throw new NotFoundException("Profile", personId);
            Domain.People.Npi.TryParse(command.Npi, out var npi);
            person.RecordNpi(npi, command.PeerSpecialistTaxonomy);
            return GetProfile.ModelOf(person);
        }
    }
}
