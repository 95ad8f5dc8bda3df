namespace Memento.Tests.Schema.Services.Support;

/// <summary>A clock the test moves by hand, for share-link expiry.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
