namespace Memento.Domain.Model;

/// <summary>The option an annotator picked for one classification on one annotation.</summary>
public class ClassificationChoice
{
    public long Id { get; set; }
    public long AnnotationId { get; set; }
    public Annotation Annotation { get; set; } = null!;
    public long ClassificationId { get; set; }
    public Classification Classification { get; set; } = null!;
    public string SelectedOption { get; set; } = "";
    public long? ChosenById { get; set; }
    public User? ChosenBy { get; set; }
    public DateTimeOffset ChosenAt { get; set; }
}
