using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Registry.Application.Common.Security;
using Registry.Application.Features.Profiles;

namespace Registry.Web.Pages.Account;

/// <summary>The applicant's own profile. The date of birth is asked as month, day and year (the USWDS memorable date).</summary>
[Authorize(Roles = Roles.Applicant)]
public sealed class ProfileModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public UpdateProfile.Command Input { get; set; } = new();

    [BindProperty] public string? BirthMonth { get; set; }
    [BindProperty] public string? BirthDay { get; set; }
    [BindProperty] public string? BirthYear { get; set; }

    public string Email { get; private set; } = "";

    /// <summary>A county given as text before counties were codes, which matched none on the list: shown so the holder can choose it.</summary>
    public string? UnmatchedCounty { get; private set; }

    [TempData]
    public string? Confirmation { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var profile = await mediator.Send(new GetProfile.Query(), cancellationToken);
        Email = profile.Email ?? User.Identity?.Name ?? "";
        Input = new UpdateProfile.Command
        {
            LegalFirstName = profile.LegalFirstName, LegalLastName = profile.LegalLastName, PreferredName = profile.PreferredName, Phone = profile.Phone,
            DateOfBirth = profile.DateOfBirth, AddressLine1 = profile.AddressLine1, AddressLine2 = profile.AddressLine2, City = profile.City,
            CountyCode = profile.CountyCode, State = profile.State, PostalCode = profile.PostalCode,
        };
        UnmatchedCounty = profile.CountyCode is null ? profile.County : null;
        (BirthMonth, BirthDay, BirthYear) = (profile.DateOfBirth?.Month.ToString(), profile.DateOfBirth?.Day.ToString(), profile.DateOfBirth?.Year.ToString());
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Email = User.Identity?.Name ?? "";
        if (!TryReadDateOfBirth(out var dateOfBirth))
            ModelState.AddModelError(nameof(UpdateProfile.Command.DateOfBirth), "Enter your date of birth as month, day and year, for example 4 28 1986.");
        if (!ModelState.IsValid) return Page();

        await mediator.Send(Input with { DateOfBirth = dateOfBirth }, cancellationToken);
        Confirmation = "Your profile has been saved.";
        return RedirectToPage();
    }

    /// <summary>All three parts blank means no date; anything else must make a real date.</summary>
    private bool TryReadDateOfBirth(out DateOnly? dateOfBirth)
    {
        dateOfBirth = null;
        if (string.IsNullOrWhiteSpace(BirthMonth) && string.IsNullOrWhiteSpace(BirthDay) && string.IsNullOrWhiteSpace(BirthYear)) return true;
        if (!int.TryParse(BirthMonth, out var month) || !int.TryParse(BirthDay, out var day) || !int.TryParse(BirthYear, out var year)) return false;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        dateOfBirth = new DateOnly(year, month, day);
        return true;
    }
}
