namespace Registry.Infrastructure.Jobs;

/// <summary>The calendar day the jobs act on.</summary>
public static class RegistryDay
{
    /// <summary>
    /// A date has passed everywhere in the United States only once it has passed in its westernmost time zone
    /// (Hawaii, UTC−10, no daylight saving): so no credential expires early anywhere.
    /// </summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(-10);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
}
