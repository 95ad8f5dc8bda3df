using Memento.GraphQL.Types;

namespace Memento.GraphQL.Execution;

/// <summary>
/// A collected field exposed for look-ahead. It reuses the request's collector, so sub-selections a resolver
/// inspects are the very ones (cached) the executor completes afterwards.
/// </summary>
internal sealed class SelectedField(FieldCollector collector, CollectedField collected) : ISelectedField
{
    public string ResponseName => collected.ResponseName;

    public FieldDefinition Definition => collected.Definition!;

    public IReadOnlyList<ISelectedField> GetSelectedFields(ObjectType type) => Of(collector, collected, type);

    public static IReadOnlyList<ISelectedField> Of(FieldCollector collector, CollectedField field, ObjectType type)
    {
        var fields = collector.CollectSubfields(type, field);
        var result = new List<ISelectedField>(fields.Length);
        foreach (var f in fields)
        {
            // __typename has no definition and never needs data.
            if (f.Definition is not null) result.Add(new SelectedField(collector, f));
        }
        return result;
    }
}
