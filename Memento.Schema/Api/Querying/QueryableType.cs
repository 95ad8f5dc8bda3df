using System.Linq.Expressions;
using System.Reflection;
using Memento.GraphQL.Types;

namespace Memento.Schema.Api.Querying;

/// <summary>
/// Declares how an entity is exposed: its GraphQL object type plus, per field, the property it reads and whether
/// clients may filter or sort on it. Only what is declared here reaches SQL, so columns that are never declared
/// (password hashes, token hashes, storage paths) can be neither read, filtered nor sorted on.
/// The key (<c>Id</c> by default) is exposed as <c>id: ID!</c>, filterable and sortable.
/// </summary>
public sealed class QueryableType<T> : IQueryableType where T : class
{
    private readonly Dictionary<string, ScalarMember> _scalars = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReferenceMember> _references = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CollectionMember> _collections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ResolvedMember> _resolved = new(StringComparer.Ordinal);
    private InputObjectType? _filterType;
    private InputObjectType? _sortType;
    private ObjectType? _connectionType;
    private readonly Func<T, object>? _toNode;

    public QueryableType(string name, string? description = null, string key = "Id")
    {
        Type = new ObjectType(name, description);
        Key = typeof(T).GetProperty(key) ?? throw new ArgumentException($"{typeof(T).Name} has no key property {key}.", nameof(key));
        AddScalar("id", Key, ScalarType.ID, Allow.FilterAndSort, "The unique identifier.");
    }

    // Over an existing type: see Over.
    private QueryableType(ObjectType node, Func<T, object> toNode, string key, string keyField)
    {
        Type = node;
        _toNode = toNode;
        Key = typeof(T).GetProperty(key) ?? throw new ArgumentException($"{typeof(T).Name} has no key property {key}.", nameof(key));
        AddScalar(keyField, Key, null, Allow.FilterAndSort, null);
    }

    /// <summary>
    /// Lists of an object type the API already has (e.g. the code-first <c>ImageInfo</c> with its own field
    /// resolvers), read from entity <typeparamref name="T"/>: the projected entity (only the columns the selection
    /// needs) becomes a node through <paramref name="toNode"/>. Declarations then name the node type's existing
    /// fields and add none; every field of the node type must be declared (<see cref="Field{TValue}"/>,
    /// <see cref="Reads"/>) before the first list is built, so none can silently come back empty.
    /// </summary>
    public static QueryableType<T> Over(ObjectType node, Func<T, object> toNode, string key = "Id", string keyField = "id") =>
        new(node, toNode, key, keyField);

    /// <summary>Whether nodes are another type's values (see <see cref="Over"/>).</summary>
    public bool IsAdapter => _toNode is not null;

    /// <summary>The value a projected row is returned as.</summary>
    public object ToNode(T row) => _toNode is null ? row : _toNode(row);

    public Type ClrType => typeof(T);
    public ObjectType Type { get; }
    public PropertyInfo Key { get; }
    public IReadOnlyDictionary<string, ScalarMember> Scalars => _scalars;
    public IReadOnlyDictionary<string, ReferenceMember> References => _references;
    public IReadOnlyDictionary<string, CollectionMember> Collections => _collections;
    public IReadOnlyDictionary<string, ResolvedMember> Resolved => _resolved;

    // Built on first use, after configuration; a type referring to itself through navigations gets the same instance.
    public InputObjectType FilterType => _filterType ?? FilterTypeBuilder.Build(this, t => _filterType = t);

    /// <summary>The generated <c>&lt;T&gt;Sort</c> input: one sortable field per entry (@oneOf).</summary>
    public InputObjectType SortType => _sortType ??= SortTypeBuilder.Build(this);

    /// <summary>The <c>&lt;T&gt;Connection</c> type for list fields of this type.</summary>
    public ObjectType ConnectionType => _connectionType ??= ConnectionTypes.Build(EnsureComplete());

    /// <summary>Exposes a scalar property; the GraphQL type is inferred from the CLR type unless given.</summary>
    public QueryableType<T> Field<TValue>(Expression<Func<T, TValue>> property, Allow allow = Allow.None,
        string? name = null, NamedType? type = null, string? description = null)
    {
        var info = PropertyOf(property);
        AddScalar(name ?? Camel(info.Name), info, type, allow, description);
        return this;
    }

    /// <summary>
    /// Declares which columns an existing field of an adapted node type (see <see cref="Over"/>) is computed from,
    /// e.g. <c>Reads("uri", i =&gt; i.Type, i =&gt; i.ExternalUrl)</c>; fields with their own resolvers that use only
    /// the key name no column.
    /// </summary>
    public QueryableType<T> Reads(string field, params Expression<Func<T, object?>>[] requires)
    {
        if (!IsAdapter || Type.GetField(field) is null)
            throw new ArgumentException($"{Type.Name} has no field {field} to declare; use Resolve to add one.", nameof(field));
        _resolved[field] = new ResolvedMember(field, requires.Select(PropertyOf).ToList());
        return this;
    }

    /// <summary>
    /// As <see cref="Reads"/>, for a field computed from columns of a to-one navigation, e.g.
    /// <c>Reads("authorName", c =&gt; c.Author, user, u =&gt; u.UserName)</c>: the related row is projected to its key
    /// and those columns only, in the same SELECT.
    /// </summary>
    public QueryableType<T> Reads<TOther>(string field, Expression<Func<T, TOther?>> navigation, QueryableType<TOther> target,
        params Expression<Func<TOther, object?>>[] columns) where TOther : class
    {
        Reads(field);
        _resolved[field] = new ResolvedMember(field, [])
        {
            Through = [new NavigationRead(PropertyOf(navigation), target, columns.Select(QueryableType<TOther>.PropertyOf).ToList())],
        };
        return this;
    }

    /// <summary>
    /// A to-one navigation clients may filter through (<c>where: { project: { name: … } }</c>) without it being an
    /// output field, for adapted node types whose own fields stay as they are.
    /// </summary>
    public QueryableType<T> FilterThrough<TOther>(Expression<Func<T, TOther?>> navigation, QueryableType<TOther> target,
        string? name = null) where TOther : class
    {
        var info = PropertyOf(navigation);
        var fieldName = name ?? Camel(info.Name);
        _references[fieldName] = new ReferenceMember(fieldName, info, target, filterable: true) { Projected = false };
        return this;
    }

    /// <summary>A to-one navigation: a nested object read in the same query; with <paramref name="filter"/>, a nested filter.</summary>
    public QueryableType<T> Reference<TOther>(Expression<Func<T, TOther?>> navigation, QueryableType<TOther> target,
        bool filter = false, string? name = null, string? description = null) where TOther : class
    {
        // An adapted type's fields belong to its code-first class; nested objects there have their own resolvers.
        if (IsAdapter) throw new InvalidOperationException($"{Type.Name} is adapted: use FilterThrough or Reads, not Reference.");
        var info = PropertyOf(navigation);
        var fieldName = name ?? Camel(info.Name);
        var nullable = ClrTypes.IsNullable(info);
        Type.AddField(new FieldDefinition(fieldName, nullable ? target.Type : target.Type.NonNull(), ResolverFor(fieldName, info), description));
        _references[fieldName] = new ReferenceMember(fieldName, info, target, filter);
        return this;
    }

    /// <summary>
    /// A to-many navigation clients may filter through (<c>some</c>/<c>all</c>/<c>none</c>). It adds no output field:
    /// nested lists have their own resolvers (DataLoaders), added with <see cref="Resolve"/>.
    /// </summary>
    public QueryableType<T> FilterThrough<TOther>(Expression<Func<T, IEnumerable<TOther>>> navigation, QueryableType<TOther> target,
        string? name = null) where TOther : class
    {
        var info = PropertyOf(navigation);
        var fieldName = name ?? Camel(info.Name);
        _collections[fieldName] = new CollectionMember(fieldName, info, target);
        return this;
    }

    /// <summary>Adds a field with its own resolver, declaring the columns of the parent it reads (besides the key).</summary>
    public QueryableType<T> Resolve(FieldDefinition field, params Expression<Func<T, object?>>[] requires)
    {
        if (IsAdapter) throw new InvalidOperationException($"{Type.Name} is adapted: declare its existing fields with Reads.");
        Type.AddField(field);
        _resolved[field.Name] = new ResolvedMember(field.Name, requires.Select(PropertyOf).ToList());
        return this;
    }

    private void AddScalar(string name, PropertyInfo info, NamedType? type, Allow allow, string? description)
    {
        var existing = IsAdapter ? Type.GetField(name) : null;
        if (IsAdapter && existing is null && (allow & Allow.Sort) == 0 && (allow & Allow.Filter) == 0)
            throw new ArgumentException($"{Type.Name} has no field {name}; an adapted type's declarations name its existing fields.");
        // An adapted field keeps the type the schema already gives it (one enum instance per schema).
        var graphType = type ?? existing?.Type.GetNamedType() ?? ClrTypes.GraphTypeOf(info.PropertyType)
            ?? throw new ArgumentException($"No GraphQL type for {info.PropertyType.Name}; pass one.", nameof(type));
        if ((allow & Allow.Sort) != 0 && (!ClrTypes.IsSortable(info.PropertyType) || ClrTypes.IsNullable(info)))
        {
            // Keyset cursors compare sort keys in SQL; NULLs order differently on SQLite and PostgreSQL.
            throw new ArgumentException($"{typeof(T).Name}.{info.Name} cannot be sortable: only non-null strings, numbers and dates are.");
        }
        var nullable = ClrTypes.IsNullable(info);
        if (existing is null && !IsAdapter)
            Type.AddField(new FieldDefinition(name, nullable ? graphType : graphType.NonNull(), ResolverFor(name, info), description));
        _scalars[name] = new ScalarMember(name, info, graphType, allow);
    }

    // An adapted type's fields are all read from the projected row or declared to need nothing: otherwise a field
    // would return the default value of a column that was never read.
    private ObjectType EnsureComplete()
    {
        if (!IsAdapter) return Type;
        var missing = Type.Fields.Select(f => f.Name)
            .Where(n => !_scalars.ContainsKey(n) && !_resolved.ContainsKey(n) && !(_references.TryGetValue(n, out var r) && r.Projected))
            .ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"{Type.Name} lists over {typeof(T).Name} do not say which columns these fields read: {string.Join(", ", missing)}.");
        return Type;
    }

    // The default resolver finds properties case-insensitively; only renamed fields need a resolver of their own.
    private static FieldResolver? ResolverFor(string fieldName, PropertyInfo info)
    {
        if (string.Equals(fieldName, info.Name, StringComparison.OrdinalIgnoreCase)) return null;
        return context => new ValueTask<object?>(context.Source is null ? null : info.GetValue(context.Source));
    }

    internal static PropertyInfo PropertyOf(LambdaExpression lambda)
    {
        var body = lambda.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : lambda.Body;
        if (body is MemberExpression { Member: PropertyInfo info } member && member.Expression == lambda.Parameters[0]) return info;
        throw new ArgumentException($"Expected a property of {typeof(T).Name}, like x => x.Name, but got {lambda}.");
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
