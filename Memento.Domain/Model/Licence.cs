namespace Memento.Domain.Model;

/// <summary>A licence an image can carry; keyed by SPDX id, non-standard ones prefixed with "X-".</summary>
public class Licence
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>Whether it respects the Four Freedoms.</summary>
    public bool IsFree { get; set; }
    /// <summary>Shown at the top of licence pickers.</summary>
    public bool IsPinned { get; set; }
    public string? InfoUrl { get; set; }
    public string? LegalTextUrl { get; set; }
    public string? LogoUrl { get; set; }

    public List<Image> Images { get; set; } = [];
}
