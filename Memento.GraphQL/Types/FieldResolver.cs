namespace Memento.GraphQL.Types;

/// <summary>
/// Produces the value of one field. The contract between the type system (which stores resolvers on field
/// definitions) and the executor (which supplies the context). A resolver may return a value, a Task or ValueTask
/// result already awaited by this signature, or an <see cref="System.Collections.IEnumerable"/> for list fields.
/// </summary>
public delegate ValueTask<object?> FieldResolver(IResolveContext context);

/// <summary>What a resolver sees of the field being resolved and of the request it belongs to.</summary>
public interface IResolveContext
{
    /// <summary>The parent object's value (the root value for root fields).</summary>
    object? Source { get; }

    /// <summary>Coerced argument values, defaults applied, keyed by argument name.</summary>
    IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>The response name (alias or field name) path from the root, e.g. ["projects", 0, "name"].</summary>
    IReadOnlyList<object> Path { get; }

    /// <summary>The name of the field in the schema.</summary>
    string FieldName { get; }

    /// <summary>The schema being executed.</summary>
    GraphQLSchema Schema { get; }

    /// <summary>Request-scoped services (the ASP.NET Core request scope when served over HTTP).</summary>
    IServiceProvider Services { get; }

    /// <summary>Per-request state shared by all resolvers, e.g. the caller or DataLoaders.</summary>
    IDictionary<string, object?> RequestItems { get; }

    /// <summary>Cancelled when the HTTP request is aborted or the operation times out.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>
    /// The fields selected under the field being resolved, for values of <paramref name="type"/> (its return type
    /// or one of its possible types); __typename is left out. For look-ahead such as database projection.
    /// </summary>
    IReadOnlyList<ISelectedField> GetSelectedFields(ObjectType type);
}
