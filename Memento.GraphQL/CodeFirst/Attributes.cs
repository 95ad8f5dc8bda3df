namespace Memento.GraphQL.CodeFirst;

/// <summary>Gives a type, member, parameter or enum value its GraphQL name instead of the derived one.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Enum | AttributeTargets.Interface |
                AttributeTargets.Property | AttributeTargets.Method | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class GraphQLNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>Keeps a public member or enum value out of the schema.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Method | AttributeTargets.Field)]
public sealed class GraphQLIgnoreAttribute : Attribute;

/// <summary>Marks a field, argument or enum value deprecated (the @deprecated directive).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Method | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class GraphQLDeprecatedAttribute(string reason = Types.Deprecation.DefaultReason) : Attribute
{
    public string Reason { get; } = reason;
}

/// <summary>Overrides the GraphQL type of a member or parameter by the name of a schema type, e.g. "JSON" or "ID".</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Method | AttributeTargets.Parameter | AttributeTargets.ReturnValue)]
public sealed class GraphQLTypeAttribute(string typeName) : Attribute
{
    public string TypeName { get; } = typeName;
}

/// <summary>The member or parameter is an ID (serialized as a string), whatever its .NET type.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Method | AttributeTargets.Parameter | AttributeTargets.ReturnValue)]
public sealed class GraphQLIdAttribute : Attribute;

/// <summary>The parameter is a service from the request scope, not a GraphQL argument.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class ServiceAttribute : Attribute;

/// <summary>The parameter receives the parent object (the source of the field), not a GraphQL argument.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class ParentAttribute : Attribute;

/// <summary>
/// The class adds fields to the object type of <paramref name="type"/>: its public methods become fields whose
/// <see cref="ParentAttribute"/> parameter receives the object, e.g. <c>ProjectType</c> extending <c>Project</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class GraphQLExtendsAttribute(Type type) : Attribute
{
    public Type Type { get; } = type;
}

/// <summary>
/// Adds an entry to the field's <see cref="Types.FieldDefinition.Metadata"/>, so code that wraps the schema's
/// resolvers (authorization, request gates) can tell fields apart without knowing their .NET methods.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public class GraphQLMetadataAttribute(string key, object? value = null) : Attribute
{
    public string Key { get; } = key;

    public object? Value { get; } = value;
}
