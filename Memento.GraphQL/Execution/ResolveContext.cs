using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;

namespace Memento.GraphQL.Execution;

/// <summary>
/// What one resolver call sees. Created only for fields with a resolver (default-resolved fields read the source
/// directly); the path is rebuilt from the result tree only when asked for.
/// </summary>
internal sealed class ResolveContext(
    OperationExecutor executor, CollectedField collected, ObjectType parentType, object? source,
    IReadOnlyDictionary<string, object?> arguments, ResultNode parent, int slot) : IResolveContext
{
    public object? Source { get; } = source;

    public IReadOnlyDictionary<string, object?> Arguments { get; } = arguments;

    public IReadOnlyList<object> Path => OperationExecutor.PathOf(parent, slot);

    public string FieldName => collected.Definition!.Name;

    /// <summary>The field's definition, e.g. for metadata such as authorization policies.</summary>
    public FieldDefinition FieldDefinition => collected.Definition!;

    /// <summary>The object type whose field is being resolved.</summary>
    public ObjectType ParentType { get; } = parentType;

    /// <summary>The field nodes merged under this response name (for look-ahead).</summary>
    public IReadOnlyList<FieldNode> FieldNodes => collected.Nodes;

    public GraphQLSchema Schema => executor.Schema;

    public IServiceProvider Services => executor.Services;

    public IDictionary<string, object?> RequestItems => executor.RequestItems;

    public CancellationToken CancellationToken => executor.CancellationToken;
}
