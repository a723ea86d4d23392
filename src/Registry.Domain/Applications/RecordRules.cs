using System.Globalization;
using Registry.Domain.Common;

namespace Registry.Domain.Applications;

/// <summary>What "today" and the applicant's birth date allow for a dated record.</summary>
public readonly record struct RecordDates(DateOnly Today, DateOnly? BirthDate)
{
    /// <summary>Peer work counts from the age of 14.</summary>
    public const int MinimumAge = 14;

    public void Require(DateOnly date, string what)
    {
        if (date > Today) throw new DomainRuleException($"The {what} cannot be in the future.");
        if (BirthDate is { } born && date < born.AddYears(MinimumAge))
            throw new DomainRuleException($"The {what} is before your {MinimumAge}th birthday; please check the date.");
    }
}

public static class Hours
{
    /// <summary>Hours are positive and recorded to the quarter hour.</summary>
    public static decimal Require(decimal hours, decimal maximum, string what)
    {
        if (hours <= 0) throw new DomainRuleException($"The {what} must be more than zero.");
        if (hours * 4 != decimal.Truncate(hours * 4)) throw new DomainRuleException($"Record the {what} to the quarter hour (for example 1.25 or 2.5).");
        if (hours > maximum) throw new DomainRuleException($"The {what} cannot be more than {maximum:0.##}.");
        return hours;
    }

    public static bool IsQuarterHours(decimal hours) => hours * 4 == decimal.Truncate(hours * 4);
}

/// <summary>Where state staff have got to with one record (issue: staff review).</summary>
public enum RecordReview
{
    Pending,
    Verified,
    Rejected,
}

/// <summary>
/// How many training, work and (on a renewal drawn for a CE audit) continuing-education entries still wait for
/// staff to verify or reject them; an application is approved only when none does (or a state administrator waives).
/// </summary>
public readonly record struct PendingEntries(int Training, int Work, int ContinuingEducation)
{
    public int Total => Training + Work + ContinuingEducation;

    /// <summary>For example "2 training entries and 1 work entry".</summary>
    public string Describe()
    {
        var parts = new[] { (Training, "training entry", "training entries"), (Work, "work entry", "work entries"),
                (ContinuingEducation, "continuing-education entry", "continuing-education entries") }
            .Where(p => p.Item1 > 0).Select(p => $"{p.Item1} {(p.Item1 == 1 ? p.Item2 : p.Item3)}").ToList();
        return parts.Count switch
        {
            0 => "no entries",
            1 => parts[0],
            _ => string.Join(", ", parts[..^1]) + " and " + parts[^1],
        };
    }
}

/// <summary>The kinds of entry an applicant adds to an application.</summary>
public enum RecordKind
{
    Training,
    Work,
    Supervision,
    Reference,
    ContinuingEducation,
}

/// <summary>What a continuing-education record's completion date may be: inside the current cycle, up to today.</summary>
public readonly record struct CycleDates(DateOnly CycleStartsOn, DateOnly Today)
{
    public void Require(DateOnly date, string what)
    {
        if (date > Today) throw new DomainRuleException($"The {what} cannot be in the future.");
        if (date < CycleStartsOn)
            throw new DomainRuleException($"The {what} is before this cycle began on {CycleStartsOn.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)}; only education in the current cycle counts.");
    }
}

/// <summary>The CE audit draw: a share of renewals is selected at random; 0 and 100 percent are certain.</summary>
public static class CeAudit
{
    public static bool Draw(int percent, Random random) => percent switch
    {
        <= 0 => false,
        >= 100 => true,
        _ => random.Next(100) < percent,
    };
}
