namespace Memento.Domain.Model;

/// <summary>Where an image comes from ("photo", "fluorescence-microscopy").</summary>
public class Nature
{
    public string Id { get; set; } = "";
    public string Description { get; set; } = "";
}
