namespace Memento.Imaging.Ingest;

/// <summary>
/// Where one ingest spent its time: recognising and probing the file, the pyramid itself (what <c>vips dzsave</c>
/// alone would cost) and everything cut from it afterwards (IIIF renditions, statistics, thumbnail, manifest).
/// Logged with every finished job, so an operator can tell a slow disk from a slow encoder.
/// </summary>
public sealed record IngestStageTimes(TimeSpan Checks, TimeSpan Pyramid, TimeSpan Derivatives)
{
    public override string ToString() =>
        $"checks {Checks.TotalSeconds:0.00} s, pyramid {Pyramid.TotalSeconds:0.00} s, derivatives {Derivatives.TotalSeconds:0.00} s";
}
