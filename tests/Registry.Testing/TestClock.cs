namespace Registry.Testing;

/// <summary>
/// A clock that stands still at <see cref="Start"/> until a test moves it; the test host uses it as its
/// <see cref="TimeProvider"/>, and no test reads the system clock (an architecture test keeps it so).
/// </summary>
public sealed class TestClock : TimeProvider
{
    /// <summary>
    /// A Tuesday at 11:00 in New York, 10:00 in Nashville and Austin, 05:00 in Honolulu: the same date in UTC and
    /// in every US state's zone.
    /// </summary>
    public static readonly DateTimeOffset Start = new(2027, 6, 15, 15, 0, 0, TimeSpan.Zero);

    /// <summary>The date of <see cref="Start"/>, the same in UTC and in every US state.</summary>
    public static readonly DateOnly StartDay = DateOnly.FromDateTime(Start.UtcDateTime);

    // Ticks, so the host's threads never read half of a move.
    private long _utcTicks = Start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);

    public void SetTo(DateTimeOffset instant) => Interlocked.Exchange(ref _utcTicks, instant.UtcTicks);

    /// <summary>Back to <see cref="Start"/>, so a test that moved the clock leaves the next test none of it.</summary>
    public void Reset() => SetTo(Start);
}
