namespace Registry.Domain.Jurisdictions;

/// <summary>
/// The one way to say what day it is. A credential's dates are days in its state's own time zone (it expires at
/// the end of its expiry day there), so "today" is always asked of a jurisdiction's zone: pages, handlers, the
/// API and the daily jobs all come here (an architecture test forbids every other way).
/// </summary>
public static class RegistryDay
{
    /// <summary>
    /// For the few dates that belong to no state (a date of birth, a registry-wide report): the day in the
    /// westernmost zone of the states (Hawaii, UTC−10, no daylight saving), so no date counts as past anywhere
    /// before it has passed everywhere.
    /// </summary>
    public const string NationwideTimeZone = "Pacific/Honolulu";

    /// <summary>Today in the IANA time zone <paramref name="timeZone"/>.</summary>
    public static DateOnly Today(TimeProvider clock, string timeZone) => DayOf(clock.GetUtcNow(), timeZone);

    /// <summary>Today where no state applies (see <see cref="NationwideTimeZone"/>).</summary>
    public static DateOnly TodayNationwide(TimeProvider clock) => DayOf(clock.GetUtcNow(), NationwideTimeZone);

    /// <summary>The calendar day an instant falls on in the IANA time zone <paramref name="timeZone"/>.</summary>
    public static DateOnly DayOf(DateTimeOffset at, string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone(timeZone)).DateTime);

    /// <summary>The first instant of <paramref name="day"/> in the IANA time zone <paramref name="timeZone"/> (its midnight; US zones change clocks at 2 a.m.).</summary>
    public static DateTimeOffset StartOf(DateOnly day, string timeZone) =>
        new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone(timeZone)), TimeSpan.Zero);

    /// <summary>The wall-clock time an instant shows in the IANA time zone <paramref name="timeZone"/> (a report's generation time).</summary>
    public static DateTime LocalTime(DateTimeOffset at, string timeZone) => TimeZoneInfo.ConvertTime(at, Zone(timeZone)).DateTime;

    /// <summary>The zone of an IANA id such as <c>America/Chicago</c>.</summary>
    public static TimeZoneInfo Zone(string timeZone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) && zone.HasIanaId
            ? zone
            : throw new ArgumentException($"{timeZone} is not an IANA time zone, such as America/Chicago.", nameof(timeZone));

    public static bool IsTimeZone(string? timeZone) =>
        !string.IsNullOrWhiteSpace(timeZone) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) && zone.HasIanaId;
}
