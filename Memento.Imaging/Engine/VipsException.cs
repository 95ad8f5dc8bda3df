namespace Memento.Imaging.Engine;

/// <summary>
/// The one error type the imaging engine raises: libvips' stderr, stripped of process noise (warnings, pids),
/// so a caller can show <see cref="Exception.Message"/> to a user as it is.
/// </summary>
public sealed class VipsException(string message, string operation) : Exception(message)
{
    /// <summary>The engine operation that failed, e.g. <c>dzsave</c>.</summary>
    public string Operation { get; } = operation;
}
