namespace Memento.Domain.Model;

/// <summary>A classification offered in a category.</summary>
public class CategoryClassification
{
    public long CategoryId { get; set; }
    public long ClassificationId { get; set; }
}
