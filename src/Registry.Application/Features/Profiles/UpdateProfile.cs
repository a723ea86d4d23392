using FluentValidation;
using Registry.Application.Common.Validation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Registry.Application.Common.Exceptions;
using Registry.Application.Common.Interfaces;
using Registry.Application.Common.Time;
using Registry.Application.Common.Messaging;
using Registry.Application.Common.Security;
using Registry.Domain.Jurisdictions;
using Registry.Domain.People;

// "Profiles", not "Profile": a namespace named Profile would hide AutoMapper's Profile from the other features.
namespace Registry.Application.Features.Profiles;

/// <summary>An applicant corrects their names, contact details, date of birth and mailing address.</summary>
public static class UpdateProfile
{
    public const int MinimumAge = 14;

    [AllowedRoles(Roles.Applicant)]
    public sealed record Command : ICommand<GetProfile.Model>
    {
        public string LegalFirstName { get; init; } = "";
        public string LegalLastName { get; init; } = "";
        public string? PreferredName { get; init; }
        public string? Phone { get; init; }
        public DateOnly? DateOfBirth { get; init; }
        public string? AddressLine1 { get; init; }
        public string? AddressLine2 { get; init; }
        public string? City { get; init; }
        public string? State { get; init; }
        /// <summary>The county's five-digit FIPS code, one of the state's counties (GET /api/v1/counties/{state}).</summary>
        public string? CountyCode { get; init; }
        public string? PostalCode { get; init; }

        /// <summary>An address is all or nothing: any part given asks for the rest.</summary>
        public bool HasAddress => new[] { AddressLine1, AddressLine2, City, CountyCode, State, PostalCode }.Any(p => !string.IsNullOrWhiteSpace(p));
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IRegistryCalendar calendar)
        {
            RuleFor(c => c.LegalFirstName).NotEmpty().WithMessage("Enter your legal first name.").MaximumLength(100).ReadableText();
            RuleFor(c => c.LegalLastName).NotEmpty().WithMessage("Enter your legal last name.").MaximumLength(100).ReadableText();
            RuleFor(c => c.PreferredName).MaximumLength(100).ReadableText();
            RuleFor(c => c.Phone).MaximumLength(30)
                .Matches(@"^[0-9+().\-\s]*(x\d+)?$").WithMessage("Enter a phone number like 615-555-0100.");
            RuleFor(c => c.DateOfBirth)
                .Must(d => d is null || d.Value < calendar.TodayNationwide()).WithMessage("Your date of birth must be in the past.")
                .Must(d => d is null || d.Value >= calendar.TodayNationwide().AddYears(-120)).WithMessage("Enter your date of birth, for example 4 28 1986.")
                .Must(d => d is null || d.Value >= calendar.TodayNationwide() || d.Value <= calendar.TodayNationwide().AddYears(-MinimumAge))
                .WithMessage($"You must be at least {MinimumAge} years old to register.");

            When(c => c.HasAddress, () =>
            {
                RuleFor(c => c.AddressLine1).NotEmpty().WithMessage("Enter the first line of your mailing address.").MaximumLength(200).ReadableText();
                RuleFor(c => c.City).NotEmpty().WithMessage("Enter the city of your mailing address.").MaximumLength(100).ReadableText();
                RuleFor(c => c.State).Must(UsStates.IsKnown).WithMessage("Choose the state of your mailing address.");
                RuleFor(c => c.CountyCode).NotEmpty().WithMessage("Choose the county of your mailing address.")
                    .Must(code => Domain.Jurisdictions.CountyCode.TryParse(code, out _)).WithMessage("Choose the county of your mailing address from the list.")
                    .Must((c, code) => !StateCode.TryParse(c.State, out var state) || !Domain.Jurisdictions.CountyCode.TryParse(code, out var county) || county.State == state)
                    .WithMessage("Choose a county in the state of your mailing address.");
                RuleFor(c => c.PostalCode).NotEmpty().WithMessage("Enter your ZIP code.")
                    .Matches(@"^\d{5}(-\d{4})?$").WithMessage("Enter a ZIP code of 5 digits, or ZIP+4 like 37203-1234.");
            });
            RuleFor(c => c.AddressLine2).MaximumLength(200).ReadableText();
        }

    }

    public sealed class Handler(IRegistryDbContext db, ICurrentUser user, IRegistryCalendar calendar) : IRequestHandler<Command, GetProfile.Model>
    {
        public async Task<GetProfile.Model> Handle(Command command, CancellationToken cancellationToken)
        {
            var personId = user.PersonId ?? throw new NotFoundException("Profile", user.UserId?.ToString() ?? "");
            var person = await db.People.SingleOrDefaultAsync(p => p.Id == personId, cancellationToken)
                ?? throw new NotFoundException("Profile", personId);

            person.Rename(command.LegalFirstName, command.LegalLastName, command.PreferredName);
            var address = command.HasAddress
                ? PostalAddress.InCounty(command.AddressLine1!.Trim(), Blank(command.AddressLine2), command.City!.Trim(),
                    Domain.Jurisdictions.CountyCode.Parse(command.CountyCode), command.PostalCode!.Trim())
                : null;
            // A move counts from the day it is told; an address may be in a state the registry does not serve, so nationwide.
            person.UpdateContact(command.Phone, command.DateOfBirth, address, calendar.TodayNationwide());

            return GetProfile.ModelOf(person);
        }

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
