namespace Memento.Schema.Api.Loaders;

/// <summary>
/// What a loader hands one parent: its value, or the refusal the caller would get asking for that parent alone.
/// A refusal belongs to one key, so it fails that one field and leaves the batch's other parents intact.
/// </summary>
public sealed record Loaded<T>(T Value, Exception? Refusal = null)
{
    public T OrThrow() => Refusal is null ? Value : throw Refusal;
}
