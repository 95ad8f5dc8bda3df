using Memento.GraphQL.Errors;

namespace Memento.GraphQL.Types;

/// <summary>
/// An executable GraphQL schema: the root operation types, every named type reachable from them (plus any extra
/// types given), and the directives. Built once and then only read, so lookups need no locking.
/// </summary>
public sealed partial class GraphQLSchema
{
    private readonly Dictionary<string, NamedType> _typeMap = new(StringComparer.Ordinal);
    private readonly List<NamedType> _types = new();
    private readonly Dictionary<string, DirectiveDefinition> _directiveMap = new(StringComparer.Ordinal);
    private readonly Dictionary<NamedType, (List<ObjectType> Objects, List<InterfaceType> Interfaces)> _implementations = new();
    private readonly Dictionary<NamedType, HashSet<NamedType>> _subTypeCache = new();
    private readonly List<string> _constructionErrors = new();

    /// <param name="query">The query root type (required by the spec; only SDL for type extensions may omit it).</param>
    /// <param name="mutation">The mutation root type, if any.</param>
    /// <param name="subscription">The subscription root type, if any.</param>
    /// <param name="types">Extra types not reachable from the roots, e.g. implementations of an interface.</param>
    /// <param name="directives">The directives; null means the specified directives.</param>
    /// <param name="description">The schema's description.</param>
    public GraphQLSchema(
        ObjectType? query,
        ObjectType? mutation = null,
        ObjectType? subscription = null,
        IEnumerable<NamedType>? types = null,
        IEnumerable<DirectiveDefinition>? directives = null,
        string? description = null)
    {
        QueryType = query;
        MutationType = mutation;
        SubscriptionType = subscription;
        Description = description;
        Directives = directives?.ToArray() ?? SpecifiedDirectives.All.ToArray();

        if (types is not null)
        {
            // graphql-js order: each given type in turn, followed by the types first reached from it; given types
            // not yet processed are left for their own turn.
            var given = types.ToList();
            _pending = new HashSet<NamedType>(given);
            foreach (var type in given)
            {
                _pending.Remove(type);
                Collect(type);
            }

            _pending = null;
        }

        Collect(query);
        Collect(mutation);
        Collect(subscription);
        foreach (var directive in Directives)
        {
            _directiveMap.TryAdd(directive.Name, directive);
            foreach (var arg in directive.Arguments)
            {
                Collect(arg.Type.GetNamedType());
            }
        }

        Collect(Introspection.IntrospectionTypes.Schema);
        BuildImplementations();
    }

    public string? Description { get; }

    public ObjectType? QueryType { get; }

    public ObjectType? MutationType { get; }

    public ObjectType? SubscriptionType { get; }

    /// <summary>Every named type, in the order graphql-js's getTypeMap() gives (introspection types included).</summary>
    public IReadOnlyList<NamedType> Types => _types;

    public IReadOnlyList<DirectiveDefinition> Directives { get; }

    /// <summary>Schema definition node and extension nodes when built from SDL.</summary>
    public object? AstNode { get; set; }

    /// <summary>Extension nodes when built from SDL (Language.Ast SchemaExtensionNode).</summary>
    public IReadOnlyList<object> ExtensionAstNodes { get; set; } = Array.Empty<object>();

    /// <summary>Root value used when the request gives none (buildSchema + rootValue style execution).</summary>
    /// <summary>
    /// Turns exceptions of the application's own (domain errors that know no GraphQL) into client-facing errors;
    /// null, or a null answer, leaves the exception unexpected ("Unexpected error." plus a trace id, logged).
    /// </summary>
    public Func<Exception, GraphQLException?>? TranslateException { get; set; }

    public object? RootValue { get; set; }

    /// <summary>Problems met while collecting types (e.g. two types with one name); reported by SchemaValidator.</summary>
    internal IReadOnlyList<string> ConstructionErrors => _constructionErrors;

    public NamedType? GetType(string name) => _typeMap.GetValueOrDefault(name);

    public DirectiveDefinition? GetDirective(string name) => _directiveMap.GetValueOrDefault(name);

    /// <summary>The root type of an operation: "query", "mutation" or "subscription".</summary>
    public ObjectType? GetRootType(string operation) => operation switch
    {
        "query" => QueryType,
        "mutation" => MutationType,
        "subscription" => SubscriptionType,
        _ => null,
    };

    /// <summary>Object types a value of an abstract type can be: union members or interface implementations.</summary>
    public IReadOnlyList<ObjectType> GetPossibleTypes(NamedType abstractType) => abstractType switch
    {
        UnionType u => u.Types,
        InterfaceType i => GetImplementations(i).Objects,
        _ => Array.Empty<ObjectType>(),
    };

    /// <summary>Objects and interfaces that implement the interface.</summary>
    public (IReadOnlyList<ObjectType> Objects, IReadOnlyList<InterfaceType> Interfaces) GetImplementations(InterfaceType type) =>
        _implementations.TryGetValue(type, out var impl) ? (impl.Objects, impl.Interfaces) : (Array.Empty<ObjectType>(), Array.Empty<InterfaceType>());

    /// <summary>Whether maybeSubType is a member of the union or implements the interface.</summary>
    public bool IsSubType(NamedType abstractType, NamedType maybeSubType)
    {
        HashSet<NamedType>? set;
        lock (_subTypeCache)
        {
            if (!_subTypeCache.TryGetValue(abstractType, out set))
            {
                set = new HashSet<NamedType>();
                if (abstractType is UnionType u)
                {
                    set.UnionWith(u.Types);
                }
                else if (abstractType is InterfaceType i)
                {
                    var impl = GetImplementations(i);
                    set.UnionWith(impl.Objects);
                    set.UnionWith(impl.Interfaces);
                }

                _subTypeCache[abstractType] = set;
            }
        }

        return set.Contains(maybeSubType);
    }

    private HashSet<NamedType>? _pending;

    private void Collect(NamedType? type)
    {
        if (type is null || (_pending is not null && _pending.Contains(type)))
        {
            return;
        }

        if (_typeMap.TryGetValue(type.Name, out var existing))
        {
            if (!ReferenceEquals(existing, type))
            {
                _constructionErrors.Add($"Schema must contain uniquely named types but contains multiple types named \"{type.Name}\".");
            }

            return;
        }

        _typeMap[type.Name] = type;
        _types.Add(type);
        switch (type)
        {
            case UnionType union:
                foreach (var member in union.Types)
                {
                    Collect(member);
                }

                break;
            case FieldsContainer container:
                foreach (var iface in container.Interfaces)
                {
                    Collect(iface);
                }

                foreach (var field in container.Fields)
                {
                    Collect(field.Type.GetNamedType());
                    foreach (var arg in field.Arguments)
                    {
                        Collect(arg.Type.GetNamedType());
                    }
                }

                break;
            case InputObjectType input:
                foreach (var field in input.Fields)
                {
                    Collect(field.Type.GetNamedType());
                }

                break;
        }
    }

    private void BuildImplementations()
    {
        foreach (var type in _types)
        {
            if (type is not FieldsContainer container)
            {
                continue;
            }

            foreach (var iface in container.Interfaces)
            {
                if (!_implementations.TryGetValue(iface, out var impl))
                {
                    impl = (new List<ObjectType>(), new List<InterfaceType>());
                    _implementations[iface] = impl;
                }

                if (type is ObjectType o)
                {
                    impl.Objects.Add(o);
                }
                else
                {
                    impl.Interfaces.Add((InterfaceType)type);
                }
            }
        }
    }
}
