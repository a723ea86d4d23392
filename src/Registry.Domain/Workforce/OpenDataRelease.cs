using Registry.Domain.Common;

namespace Registry.Domain.Workforce;

/// <summary>
/// One month's open data: public tables of counts, small cells suppressed, as JSON and as CSV, written once by
/// the monthly snapshot job and kept so past months stay downloadable. Holds no person; unique per month.
/// </summary>
public sealed class OpenDataRelease
{
    private OpenDataRelease() { }

    public OpenDataRelease(DateOnly month, string json, string csv, DateTimeOffset generatedAt)
    {
        if (month.Day != 1) throw new DomainRuleException("A release covers a calendar month, named by its first day.");
        Id = Guid.CreateVersion7();
        Month = month;
        Json = json;
        Csv = csv;
        GeneratedAt = generatedAt;
    }

    public Guid Id { get; private set; }

    /// <summary>The first day of the month counted.</summary>
    public DateOnly Month { get; private set; }

    public string Json { get; private set; } = "";
    public string Csv { get; private set; } = "";
    public DateTimeOffset GeneratedAt { get; private set; }
}
