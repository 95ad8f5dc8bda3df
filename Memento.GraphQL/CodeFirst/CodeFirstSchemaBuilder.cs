using System.Reflection;
using System.Runtime.CompilerServices;
using Memento.GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.GraphQL.CodeFirst;

/// <summary>
/// Builds a schema from C# classes. Resolver classes (<see cref="AddQueryType{T}"/>, <see cref="AddMutationType{T}"/>,
/// <see cref="AddSubscriptionType{T}"/>) contribute their public methods as root fields; the classes they return become object types whose public
/// properties and methods are fields. Names are camelCased (enum values UPPER_SNAKE), descriptions come from
/// [Description] or XML doc comments, and C# nullability decides non-null. Parameters are arguments (defaults
/// kept) unless injected: <see cref="IResolveContext"/>, CancellationToken, [Service] or registered services,
/// and the [Parent] object.
/// </summary>
public sealed class CodeFirstSchemaBuilder
{
    private readonly ObjectType _query = new("Query");
    private ObjectType? _mutation;
    private ObjectType? _subscription;
    private readonly Dictionary<Type, ObjectType> _objects = new();
    private readonly Dictionary<string, NamedType> _named = new(StringComparer.Ordinal);
    private readonly List<NamedType> _types = new();
    private readonly TypeMapper _mapper;
    private readonly IServiceProviderIsService? _services;
    private readonly Dictionary<Type, string> _typeNames = new();
    private readonly HashSet<(Type Type, string Property)> _ignored = new();

    /// <param name="services">Tells which parameter types are services to inject (e.g. a DbContext) without [Service].</param>
    public CodeFirstSchemaBuilder(IServiceProviderIsService? services = null)
    {
        _services = services;
        _mapper = new TypeMapper(this);
        foreach (var scalar in new[] { ScalarType.Long, ScalarType.DateTime, ScalarType.Json, ScalarType.Upload }.Concat(ScalarType.SpecifiedScalars))
            _named[scalar.Name] = scalar;
    }

    /// <summary>
    /// Names <typeparamref name="T"/> without an attribute: for classes of an assembly that must not know the engine
    /// (a domain read model called <c>ProjectInfo</c> in C# is <c>Project</c> to clients). Call before the type is used.
    /// </summary>
    public CodeFirstSchemaBuilder Name<T>(string name)
    {
        if (_objects.ContainsKey(typeof(T)) || _mapper.HasBuilt(typeof(T)))
            throw new InvalidOperationException($"{typeof(T).Name} is already in the schema; name it before it is used.");
        _typeNames[typeof(T)] = name;
        return this;
    }

    /// <summary>
    /// Hides a public property of <typeparamref name="T"/> from the schema, as [GraphQLIgnore] would, for classes
    /// that cannot carry the attribute. Call before the type is used.
    /// </summary>
    public CodeFirstSchemaBuilder Ignore<T>(string propertyName)
    {
        if (typeof(T).GetProperty(propertyName) is null)
            throw new ArgumentException($"{typeof(T).Name} has no public property {propertyName}.", nameof(propertyName));
        if (_objects.ContainsKey(typeof(T)) || _mapper.HasBuilt(typeof(T)))
            throw new InvalidOperationException($"{typeof(T).Name} is already in the schema; hide its members before it is used.");
        _ignored.Add((typeof(T), propertyName));
        return this;
    }

    /// <summary>Adds the public methods of <typeparamref name="T"/> as query fields; T is created from the request services.</summary>
    public CodeFirstSchemaBuilder AddQueryType<T>() where T : class
    {
        AddMethods(typeof(T), _query, sourceIsInstance: false);
        return this;
    }

    /// <summary>Adds the public methods of <typeparamref name="T"/> as mutation fields (run serially).</summary>
    public CodeFirstSchemaBuilder AddMutationType<T>() where T : class
    {
        AddMethods(typeof(T), _mutation ??= new ObjectType("Mutation"), sourceIsInstance: false);
        return this;
    }

    /// <summary>
    /// Adds the public methods of <typeparamref name="T"/> as subscription fields. Each returns the event stream, an
    /// <c>IAsyncEnumerable&lt;X&gt;</c> (or a Task or ValueTask of one), and the field's type is X; each event is the
    /// field's value. Parameters are as for query methods; a CancellationToken is the subscription's (cancelled when
    /// the client unsubscribes or goes away).
    /// </summary>
    public CodeFirstSchemaBuilder AddSubscriptionType<T>() where T : class
    {
        AddMethods(typeof(T), _subscription ??= new ObjectType("Subscription"), sourceIsInstance: false, subscription: true);
        return this;
    }

    /// <summary>
    /// Adds <typeparamref name="T"/> as an object type, or, when it is marked <see cref="GraphQLExtendsAttribute"/>,
    /// adds its methods to the extended type.
    /// </summary>
    public CodeFirstSchemaBuilder AddType<T>() where T : class
    {
        if (typeof(T).GetCustomAttribute<GraphQLExtendsAttribute>() is { } extends)
            AddMethods(typeof(T), ObjectTypeFor(extends.Type), sourceIsInstance: false);
        else ObjectTypeFor(typeof(T));
        return this;
    }

    /// <summary>Adds a hand-built type, e.g. a custom scalar that [GraphQLType] overrides can name.</summary>
    public CodeFirstSchemaBuilder AddType(NamedType type)
    {
        Register(type);
        return this;
    }

    /// <summary>
    /// The object type built for <typeparamref name="T"/> (built now if it is not yet), so hand-built fields, such
    /// as generated list connections, can return it; its [GraphQLExtends] fields are those added so far.
    /// </summary>
    public ObjectType ObjectTypeOf<T>() where T : class => ObjectTypeFor(typeof(T));

    /// <summary>Adds a hand-built query field, e.g. one whose arguments are generated rather than declared in C#.</summary>
    public CodeFirstSchemaBuilder AddQueryField(FieldDefinition field)
    {
        _query.AddField(field);
        return this;
    }

    /// <summary>The executable schema.</summary>
    public GraphQLSchema Build() => new(_query, _mutation, _subscription, types: _types);

    internal void Register(NamedType type)
    {
        _named.TryAdd(type.Name, type);
        if (!_types.Contains(type)) _types.Add(type);
    }

    internal NamedType NamedType(string name) =>
        _named.TryGetValue(name, out var type) ? type : throw new InvalidOperationException($"[GraphQLType(\"{name}\")] names no known type.");

    /// <summary>The GraphQL name of <paramref name="type"/>: a <see cref="Name{T}"/> override, else <see cref="Naming.Type"/>.</summary>
    internal string TypeName(Type type) => _typeNames.TryGetValue(type, out var name) ? name : Naming.Type(type);

    /// <summary>Whether a property is left out: [GraphQLIgnore] or <see cref="Ignore{T}"/>.</summary>
    internal bool IsIgnored(Type type, PropertyInfo property) =>
        property.IsDefined(typeof(GraphQLIgnoreAttribute)) || _ignored.Contains((type, property.Name));

    internal ObjectType ObjectTypeFor(Type type)
    {
        if (_objects.TryGetValue(type, out var existing)) return existing;
        var objectType = new ObjectType(TypeName(type), TypeMapper.Description(type)) { IsTypeOf = (value, _) => type.IsInstanceOfType(value) };
        // Registered before its fields, so self-references (a category's parent) resolve to the same type.
        _objects[type] = objectType;
        Register(objectType);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            // A delegate-typed property (a hook such as GraphQLHttpOptions.QueryPage) is behaviour, not data: no field.
            if (IsIgnored(type, property) || property.GetIndexParameters().Length > 0 || !property.CanRead
                || typeof(Delegate).IsAssignableFrom(property.PropertyType)) continue;
            var name = Naming.Field(property);
            // The executor reads a property itself (no resolver call) when the field name finds it.
            var needsResolver = !string.Equals(name, property.Name, StringComparison.OrdinalIgnoreCase)
                || ClrTypes.UnwrapAsync(property.PropertyType).Kind != AsyncKind.None;
            objectType.AddField(new FieldDefinition(name, _mapper.Output(property), needsResolver ? ResolverCompiler.CompileGetter(property) : null,
                TypeMapper.Description(property))
            {
                DeprecationReason = property.GetCustomAttribute<GraphQLDeprecatedAttribute>()?.Reason,
            });
        }
        AddMethods(type, objectType, sourceIsInstance: true);
        return objectType;
    }

    private void AddMethods(Type type, ObjectType target, bool sourceIsInstance, bool subscription = false)
    {
        var flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var method in type.GetMethods(flags))
        {
            if (method.IsSpecialName || method.IsGenericMethodDefinition || method.IsDefined(typeof(GraphQLIgnoreAttribute))
                || method.IsDefined(typeof(CompilerGeneratedAttribute)) || method.Name is "ToString" or "GetHashCode" or "Equals" or "Deconstruct" or "<Clone>$"
                || method.ReturnType == typeof(void))
                continue;
            var field = subscription
                // The method gives the stream (spec: the subscribe resolver); each event is the field's value.
                ? new FieldDefinition(Naming.Field(method), _mapper.SubscriptionOutput(method), EventItself, TypeMapper.Description(method))
                {
                    Subscribe = ResolverCompiler.CompileSubscribe(method, IsService),
                }
                : new FieldDefinition(Naming.Field(method), _mapper.Output(method),
                    ResolverCompiler.Compile(method, sourceIsInstance && !method.IsStatic, IsService), TypeMapper.Description(method));
            field.DeprecationReason = method.GetCustomAttribute<GraphQLDeprecatedAttribute>()?.Reason;
            foreach (var metadata in method.GetCustomAttributes<GraphQLMetadataAttribute>())
                field.Metadata[metadata.Key] = metadata.Value;
            foreach (var parameter in method.GetParameters())
            {
                if (ClrTypes.IsInjected(parameter) || IsService(parameter.ParameterType)) continue;
                var argument = new ArgumentDefinition(Naming.Argument(parameter), _mapper.Input(parameter), TypeMapper.Description(parameter))
                {
                    DeprecationReason = parameter.GetCustomAttribute<GraphQLDeprecatedAttribute>()?.Reason,
                };
                if (parameter.HasDefaultValue) argument.DefaultValue = DefaultOf(parameter);
                field.AddArgument(argument);
            }
            target.AddField(field);
        }
    }

    private static readonly FieldResolver EventItself = context => new ValueTask<object?>(context.Source);

    /// <summary>A parameter's default as the internal value: enum defaults come back from reflection as numbers.</summary>
    internal static object? DefaultOf(ParameterInfo parameter)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        return type.IsEnum && parameter.DefaultValue is not null ? Enum.ToObject(type, parameter.DefaultValue) : parameter.DefaultValue;
    }

    private bool IsService(Type type) => _services?.IsService(type) == true;
}
