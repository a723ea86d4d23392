using Registry.Domain.Jurisdictions;
using Registry.Domain.Tests.Support;

namespace Registry.Domain.Tests.Jurisdictions;

public class RegistryDayTests
{
    [Theory]
    [InlineData("America/Chicago", "2026-03-03T05:30:00Z", "2026-03-02")] // 23:30 in Chicago (CST, UTC−6)
    [InlineData("America/Chicago", "2026-03-03T06:30:00Z", "2026-03-03")] // 00:30 the next day
    [InlineData("America/New_York", "2026-07-02T03:30:00Z", "2026-07-01")] // 23:30 in New York (EDT, UTC−4)
    [InlineData("America/New_York", "2026-07-02T04:30:00Z", "2026-07-02")]
    [InlineData("Pacific/Honolulu", "2026-07-02T09:59:00Z", "2026-07-01")]
    public void Today_is_the_calendar_day_in_the_states_own_time_zone(string timeZone, string utc, string expected)
    {
        var clock = new FixedClock(DateTimeOffset.Parse(utc));

        Assert.Equal(DateOnly.Parse(expected), RegistryDay.Today(clock, timeZone));
    }

    [Fact]
    public void A_jurisdiction_keeps_its_IANA_time_zone_and_answers_its_own_today()
    {
        var texas = new Jurisdiction(StateCode.Parse("TX"), "Texas", " America/Chicago ");
        var clock = new FixedClock(DateTimeOffset.Parse("2026-03-03T05:30:00Z"));

        Assert.Equal("America/Chicago", texas.TimeZone);
        Assert.Equal(new DateOnly(2026, 3, 2), texas.Today(clock));
        Assert.Equal(new DateOnly(2026, 3, 2), RegistryDay.TodayNationwide(clock));
    }

    [Theory]
    [InlineData("Central")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("")]
    public void A_jurisdiction_refuses_what_is_not_an_IANA_time_zone(string timeZone)
    {
        Assert.Throws<ArgumentException>(() => new Jurisdiction(StateCode.Parse("TX"), "Texas", timeZone));
        Assert.False(RegistryDay.IsTimeZone(timeZone));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
