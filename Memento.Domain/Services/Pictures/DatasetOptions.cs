namespace Memento.Domain.Services.Pictures;

/// <summary>
/// Where the dataset API's uploads go and who may join (configuration section <c>Memento:Datasets</c>). The project is
/// created on first upload, owned by the first system administrator, public unless <see cref="Public"/> is false.
/// </summary>
public sealed class DatasetOptions
{
    public const string Section = "Memento:Datasets";

    /// <summary>The project uploaded pictures become images of (created on first use).</summary>
    public string Project { get; set; } = "Dataset";

    /// <summary>Whether a newly created dataset project is public (searchable and downloadable by anyone).</summary>
    public bool Public { get; set; } = true;

    /// <summary>The category holding each upload's annotation (its image layer and the uploaders' drawing layers).</summary>
    public string Category { get; set; } = "Uploads";

    /// <summary>The HTML sign-up form at /signup; off by default (404).</summary>
    public bool SignUp { get; set; }

    /// <summary>Sign-ups accepted per client address per hour.</summary>
    public int SignUpsPerHour { get; set; } = 5;

    /// <summary>The dataset API's file size limit (the document's 64 MiB); larger uploads get 413.</summary>
    public long MaxUploadBytes { get; set; } = 64L * 1024 * 1024;
}
