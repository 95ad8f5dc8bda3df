namespace Memento.Domain.Model;

/// <summary>
/// One row of the object-type hierarchy's closure: <see cref="AncestorId"/> is <see cref="ObjectTypeId"/> itself or
/// any type above it through any chain of parents. A dataset query's "has: [cell]" is then one indexed lookup
/// ("every type whose ancestor is cell") instead of a recursive walk per image. Rebuilt by
/// <see cref="Datasets.ObjectTypeClosure"/> whenever parents change; never written by hand.
/// </summary>
public class ObjectTypeAncestor
{
    public string ObjectTypeId { get; set; } = "";
    public string AncestorId { get; set; } = "";
}
