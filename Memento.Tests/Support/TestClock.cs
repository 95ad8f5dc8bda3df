namespace Memento.Tests.Support;

/// <summary>A clock tests move by hand (lockout expiry, token last-used throttling).</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    /// <summary>Starts at the real time: cookie expiry dates go to a real HttpClient cookie jar, which uses the real clock.</summary>
    public TestClock() : this(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds())) { }

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
