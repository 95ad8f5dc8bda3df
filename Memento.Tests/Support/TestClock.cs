namespace Memento.Tests.Support;

/// <summary>A clock tests move by hand: share-link and lockout expiry, token last-used throttling, sessions.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    /// <summary>Starts at the real time: cookie expiry dates go to a real HttpClient cookie jar, which uses the real clock.</summary>
    public TestClock() : this(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds())) { }

    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
