namespace Registry.Application.Features.Records;

/// <summary>Limits on the form of a record; the domain holds the rules (quarter hours, a day's 24 hours).</summary>
internal static class RecordShape
{
    /// <summary>Far above any real record; keeps arithmetic on hours safe.</summary>
    public const decimal MaximumHours = 100_000;

    public const string TooManyHours = "That is more hours than any record can hold; please check the number.";
}
