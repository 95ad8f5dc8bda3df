namespace Memento.Domain.Model;

/// <summary>A licence an image is offered under.</summary>
public class ImageLicence
{
    public long ImageId { get; set; }
    public string LicenceId { get; set; } = "";
}
