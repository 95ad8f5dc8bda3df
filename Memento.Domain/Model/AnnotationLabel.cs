namespace Memento.Domain.Model;

/// <summary>A label set on an annotation.</summary>
public class AnnotationLabel
{
    public long AnnotationId { get; set; }
    public long LabelId { get; set; }
}
