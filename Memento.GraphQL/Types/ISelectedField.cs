namespace Memento.GraphQL.Types;

/// <summary>
/// One field of a sub-selection, as the executor will collect it (fragments expanded, @skip/@include applied,
/// aliases of one field merged under their response name). Lets a resolver look ahead, e.g. to read only the
/// columns a query asks for.
/// </summary>
public interface ISelectedField
{
    /// <summary>The alias, or the field name when there is none.</summary>
    string ResponseName { get; }

    /// <summary>The schema field selected.</summary>
    FieldDefinition Definition { get; }

    /// <summary>The fields selected under this one for values of <paramref name="type"/>; empty for leaves.</summary>
    IReadOnlyList<ISelectedField> GetSelectedFields(ObjectType type);
}
