namespace Memento.Domain.Model;

/// <summary>One edge of the object-type hierarchy: <see cref="ChildId"/> is a kind of <see cref="ParentId"/>.</summary>
public class ObjectTypeParent
{
    public string ChildId { get; set; } = "";
    public string ParentId { get; set; } = "";
}
