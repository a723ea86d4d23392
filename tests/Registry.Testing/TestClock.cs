namespace Registry.Testing;

/// <summary>The system clock, unless a test moves it on; the test host uses it as its <see cref="TimeProvider"/>.</summary>
public sealed class TestClock : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;

    public void Advance(TimeSpan by) => _offset += by;

    public void Reset() => _offset = TimeSpan.Zero;
}
