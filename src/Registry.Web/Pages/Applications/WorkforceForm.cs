using Microsoft.AspNetCore.Mvc.ModelBinding;
using Registry.Domain.Jurisdictions;
using Registry.Domain.Workforce;

namespace Registry.Web.Pages.Applications;

/// <summary>
/// The workforce questions as a form binds them: choices left empty are skipped. County and hours take "declined"
/// for prefer not to say. Shared by the application page and the yearly retention page.
/// </summary>
public sealed class WorkforceForm
{
    public const string Declined = "declined";

    public List<RaceEthnicity> Race { get; set; } = [];
    public GenderAnswer? Gender { get; set; }
    public List<ServiceLanguages> Languages { get; set; } = [];
    public VeteranAnswer? Veteran { get; set; }
    public EducationLevel? Education { get; set; }
    public EmploymentAnswer? Employment { get; set; }
    public PracticeSetting? Setting { get; set; }
    public string? County { get; set; }
    public string? Hours { get; set; }
    public bool HoursDeclined { get; set; }

    public static WorkforceForm From(WorkforceAnswers answers) => new()
    {
        Race = answers.RaceEthnicity is { } race ? [.. Enum.GetValues<RaceEthnicity>().Where(r => r != RaceEthnicity.None && race.HasFlag(r))] : [],
        Gender = answers.Gender,
        Languages = answers.Languages is { } languages ? [.. Enum.GetValues<ServiceLanguages>().Where(l => l != ServiceLanguages.None && languages.HasFlag(l))] : [],
        Veteran = answers.Veteran,
        Education = answers.Education,
        Employment = answers.Employment,
        Setting = answers.Setting,
        County = answers.CountyDeclined ? Declined : answers.CountyOfPractice?.Value,
        Hours = answers.HoursPerWeek?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        HoursDeclined = answers.HoursDeclined,
    };

    /// <summary>The answers, or null with field errors under <paramref name="prefix"/> when something cannot be read.</summary>
    public WorkforceAnswers? Read(ModelStateDictionary modelState, string prefix, bool onlyEmployment)
    {
        var race = Race.Aggregate(RaceEthnicity.None, (all, r) => all | r);
        if (race.HasFlag(RaceEthnicity.PreferNotToSay) && race != RaceEthnicity.PreferNotToSay)
            modelState.AddModelError($"{prefix}.{nameof(Race)}", "Choose one or more, or prefer not to say on its own.");
        var languages = Languages.Aggregate(ServiceLanguages.None, (all, l) => all | l);
        if (languages.HasFlag(ServiceLanguages.PreferNotToSay) && languages != ServiceLanguages.PreferNotToSay)
            modelState.AddModelError($"{prefix}.{nameof(Languages)}", "Choose one or more, or prefer not to say on its own.");
        CountyCode? county = null;
        var countyDeclined = County == Declined;
        if (!string.IsNullOrWhiteSpace(County) && !countyDeclined)
        {
            if (CountyCode.TryParse(County, out var code)) county = code;
            else modelState.AddModelError($"{prefix}.{nameof(County)}", "Choose a county from the list.");
        }
        int? hours = null;
        if (!string.IsNullOrWhiteSpace(Hours))
        {
            if (int.TryParse(Hours.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var h)
                && h <= WorkforceSurveyResponse.MaxHoursPerWeek) hours = h;
            else modelState.AddModelError($"{prefix}.{nameof(Hours)}", $"Enter the hours as a whole number from 0 to {WorkforceSurveyResponse.MaxHoursPerWeek}, or leave it empty.");
            if (HoursDeclined) modelState.AddModelError($"{prefix}.{nameof(Hours)}", "Enter the hours or tick prefer not to say, not both.");
        }
        if (!modelState.IsValid) return null;
        var employment = new WorkforceAnswers
        {
            Employment = Employment, Setting = Setting, HoursPerWeek = hours, HoursDeclined = HoursDeclined && hours is null,
        };
        return onlyEmployment ? employment : employment with
        {
            RaceEthnicity = race == RaceEthnicity.None ? null : race,
            Gender = Gender,
            Languages = languages == ServiceLanguages.None ? null : languages,
            Veteran = Veteran,
            Education = Education,
            CountyOfPractice = county,
            CountyDeclined = countyDeclined,
        };
    }
}
