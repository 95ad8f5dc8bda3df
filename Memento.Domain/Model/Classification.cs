namespace Memento.Domain.Model;

/// <summary>A predefined list of options, shown as buttons for the categories it is linked to.</summary>
public class Classification
{
    public long Id { get; set; }
    public long ProjectId { get; set; }
    public Project Project { get; set; } = null!;
    /// <summary>Unique within the project; scripts link classifications to categories by name.</summary>
    public string Name { get; set; } = "";
    /// <summary>The manual's type code, 'M' for a standard multiple choice.</summary>
    public string TypeCode { get; set; } = "M";
    /// <summary>The option values, as the manual's data string.</summary>
    public string OptionData { get; set; } = "";

    public List<Category> Categories { get; set; } = [];
}
