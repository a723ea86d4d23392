using System.Globalization;
using Registry.Domain.Common;
using Registry.Domain.Eligibility;

namespace Registry.Domain.Jurisdictions;

/// <summary>
/// A specialty a program endorses on its credentials (e.g. Florida's CRPS-Y, youth), with the extra requirements
/// a holder meets to be granted it: hours in one of the program's training domains, an age range on the day of
/// application, and a minimum share of the holder's work hours spent with the population. Each is optional.
/// </summary>
public sealed class EndorsementDefinition
{
    public const int CodeMaxLength = 8;
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 1000;

    private EndorsementDefinition() { }

    public EndorsementDefinition(string code, string name, string description, string? trainingDomainCode = null, decimal? extraTrainingHours = null,
        int? minimumAge = null, int? maximumAge = null, int? minimumPopulationSharePercent = null)
    {
        var theCode = (code ?? "").Trim().ToUpperInvariant();
        if (theCode.Length is 0 or > CodeMaxLength || !theCode.All(char.IsAsciiLetterOrDigit))
            throw new DomainRuleException($"An endorsement code is 1 to {CodeMaxLength} letters or digits.");
        if (string.IsNullOrWhiteSpace(name)) throw new DomainRuleException($"Endorsement {theCode} needs a name.");
        var theName = ReadableText.Normalise(name);
        if (theName.Length > NameMaxLength) throw new DomainRuleException($"An endorsement's name is at most {NameMaxLength} characters.");
        var theDescription = string.IsNullOrWhiteSpace(description) ? "" : ReadableText.Normalise(description);
        if (theDescription.Length > DescriptionMaxLength) throw new DomainRuleException($"An endorsement's description is at most {DescriptionMaxLength} characters.");
        var domain = string.IsNullOrWhiteSpace(trainingDomainCode) ? null : trainingDomainCode.Trim().ToUpperInvariant();
        if (extraTrainingHours is { } hours && (hours <= 0 || hours > 1000)) throw new DomainRuleException($"Endorsement {theCode}: extra training hours are more than 0 and at most 1000.");
        if ((domain is null) != (extraTrainingHours is null)) throw new DomainRuleException($"Endorsement {theCode}: give both the training domain and its extra hours, or neither.");
        if (minimumAge is < 14 or > 120 || maximumAge is < 14 or > 120) throw new DomainRuleException($"Endorsement {theCode}: ages are between 14 and 120.");
        if (minimumAge is { } lowest && maximumAge is { } highest && lowest > highest)
            throw new DomainRuleException($"Endorsement {theCode}: the youngest age ({lowest}) is above the oldest ({highest}).");
        if (minimumPopulationSharePercent is < 1 or > 100) throw new DomainRuleException($"Endorsement {theCode}: the share of work hours with the population is between 1 and 100 percent.");
        Code = theCode;
        Name = theName;
        Description = theDescription;
        TrainingDomainCode = domain;
        ExtraTrainingHours = extraTrainingHours;
        MinimumAge = minimumAge;
        MaximumAge = maximumAge;
        MinimumPopulationSharePercent = minimumPopulationSharePercent;
    }

    /// <summary>Short, unique in the program (e.g. "Y"); shown after the credential's name, e.g. CRPS-Y.</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";
    public string Description { get; private set; } = "";

    /// <summary>The program's training domain whose extra hours count, with <see cref="ExtraTrainingHours"/>; null when none are asked.</summary>
    public string? TrainingDomainCode { get; private set; }

    /// <summary>Hours in <see cref="TrainingDomainCode"/> beyond what the credential itself asked of that domain.</summary>
    public decimal? ExtraTrainingHours { get; private set; }

    /// <summary>The youngest age, in whole years on the day of application; null for no lower limit.</summary>
    public int? MinimumAge { get; private set; }

    /// <summary>The oldest age, in whole years on the day of application (29 means up to the day before the 30th birthday); null for no upper limit.</summary>
    public int? MaximumAge { get; private set; }

    /// <summary>The least share, in percent, of the applicant's stated work hours spent with the population; null when not asked.</summary>
    public int? MinimumPopulationSharePercent { get; private set; }

    /// <summary>Age in whole years on <paramref name="day"/> (a birthday on 29 February counts from 1 March in other years).</summary>
    public static int AgeOn(DateOnly dateOfBirth, DateOnly day)
    {
        var age = day.Year - dateOfBirth.Year;
        if (day < AddYearsAfterLeapDay(dateOfBirth, age)) age--;
        return age;
    }

    private static DateOnly AddYearsAfterLeapDay(DateOnly dateOfBirth, int years) =>
        dateOfBirth is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(dateOfBirth.Year + years)
            ? new DateOnly(dateOfBirth.Year + years, 3, 1)
            : dateOfBirth.AddYears(years);

    /// <summary>
    /// The endorsement's extra requirements as checklist lines, judged from what the applicant has: hours in the
    /// domain beyond what the program asks of it (<paramref name="programDomainHours"/>), the age on the day of
    /// application, and the share of hours with the population. The lines never state the date of birth or the age.
    /// </summary>
    public IReadOnlyList<RequirementResult> Evaluate(decimal domainHours, decimal programDomainHours, DateOnly? dateOfBirth, DateOnly applicationDay,
        decimal populationHours, decimal totalWorkHours)
    {
        var results = new List<RequirementResult>();
        if (ExtraTrainingHours is { } extra)
        {
            var need = programDomainHours + extra;
            results.Add(new($"endorsement:{Code}:training", $"{Name}: training", domainHours, need, domainHours >= need, true,
                $"{Name} endorsement: {Format(domainHours)} of {Format(need)} hours of training in the domain {TrainingDomainCode} ({Format(extra)} beyond the credential's own)."));
        }
        if (MinimumAge is not null || MaximumAge is not null)
        {
            var age = dateOfBirth is { } born ? AgeOn(born, applicationDay) : (int?)null;
            var met = age is { } years && (MinimumAge is not { } lowest || years >= lowest) && (MaximumAge is not { } highest || years <= highest);
            var range = (MinimumAge, MaximumAge) switch
            {
                ({ } from, { } to) => $"aged {from} to {to}",
                ({ } from, null) => $"aged {from} or older",
                (null, { } to) => $"aged {to} or younger",
                _ => "",
            };
            results.Add(new($"endorsement:{Code}:age", $"{Name}: age", met ? 1 : 0, 1, met, true,
                dateOfBirth is null
                    ? $"{Name} endorsement: for people {range} on the day they apply; add your date of birth to your profile."
                    : met ? $"{Name} endorsement: you are {range} on the day you apply." : $"{Name} endorsement: for people {range} on the day they apply; you are not."));
        }
        if (MinimumPopulationSharePercent is { } percent)
        {
            var share = totalWorkHours > 0 ? Math.Round(populationHours * 100m / totalWorkHours, 1) : 0m;
            results.Add(new($"endorsement:{Code}:population", $"{Name}: work with the population", share, percent, totalWorkHours > 0 && populationHours * 100m >= percent * totalWorkHours, true,
                $"{Name} endorsement: {Format(share)}% of your work hours were with the population; at least {percent}% is asked."));
        }
        return results;
    }

    private static string Format(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
