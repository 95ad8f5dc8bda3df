namespace Memento.Domain.Model;

/// <summary>
/// A global kind of object a region can show ("nucleus"); several parents are allowed, so queries for "has: cell"
/// find regions of any descendant type.
/// </summary>
public class ObjectType
{
    /// <summary>Human-readable identifier, used in queries.</summary>
    public string Id { get; set; } = "";
    public string Description { get; set; } = "";
    public List<ObjectType> Parents { get; set; } = [];
    public List<ObjectType> Children { get; set; } = [];
}
