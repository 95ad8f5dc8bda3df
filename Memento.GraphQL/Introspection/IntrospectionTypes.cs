using Memento.GraphQL.Language;
using Memento.GraphQL.Types;

namespace Memento.GraphQL.Introspection;

/// <summary>
/// The introspection types of spec section 4.5 (__Schema, __Type, ...) as ordinary object types whose resolvers
/// read type-system objects from <see cref="IResolveContext.Source"/>. Descriptions are graphql-js's, so an
/// introspection result and a printed introspection schema match the reference.
/// </summary>
public static partial class IntrospectionTypes
{
    public static readonly EnumType TypeKind = CreateTypeKind();
    public static readonly EnumType DirectiveLocationType = CreateDirectiveLocation();
    public static readonly ObjectType Type = new("__Type",
        "The fundamental unit of any GraphQL Schema is the type. There are many kinds of types in GraphQL as represented by the `__TypeKind` enum.\n\nDepending on the kind of a type, certain fields describe information about that type. Scalar types provide no information beyond a name, description and optional `specifiedByURL`, while Enum types provide their values. Object and Interface types provide the fields they describe. Abstract types, Union and Interface, provide the Object types possible at runtime. List and NonNull types compose other types.");
    public static readonly ObjectType Field = new("__Field",
        "Object and Interface types are described by a list of Fields, each of which has a name, potentially a list of arguments, and a return type.");
    public static readonly ObjectType InputValue = new("__InputValue",
        "Arguments provided to Fields or Directives and the input fields of an InputObject are represented as Input Values which describe their type and optionally a default value.");
    public static readonly ObjectType EnumValue = new("__EnumValue",
        "One possible value for a given Enum. Enum values are unique values, not a placeholder for a string, and so have no meaningful value beyond their name.");
    public static readonly ObjectType Directive = new("__Directive",
        "A Directive provides a way to describe alternate runtime execution and type validation behavior in a GraphQL document.\n\nIn some cases, you need to provide options to alter GraphQL's execution behavior in ways field arguments will not suffice, such as conditionally including or skipping a field. Directives provide this by describing additional information to the executor.");
    public static readonly ObjectType Schema = new("__Schema",
        "A GraphQL Schema defines the capabilities of a GraphQL server. It exposes all available types and directives on the server, as well as the entry points for query, mutation, and subscription operations.");

    /// <summary>__schema: added by the executor to the query root.</summary>
    public static readonly FieldDefinition SchemaMetaField = new("__schema", new NonNullType(Schema),
        static ctx => new(ctx.Schema), "Access the current type schema of this server.");

    /// <summary>__type(name:): added by the executor to the query root.</summary>
    public static readonly FieldDefinition TypeMetaField = new FieldDefinition("__type", Type,
            static ctx => new(ctx.Arguments.TryGetValue("name", out var n) && n is string name ? ctx.Schema.GetType(name) : null),
            "Request the type information of a single type.")
        .AddArgument(new ArgumentDefinition("name", new NonNullType(ScalarType.String)));

    /// <summary>__typename: valid on every composite type; the executor answers it without a resolver call.</summary>
    public static readonly FieldDefinition TypeNameMetaField = new("__typename", new NonNullType(ScalarType.String),
        null, "The name of the current Object type at runtime.");

    /// <summary>The introspection types in the order graphql-js's type map lists them.</summary>
    public static readonly IReadOnlyList<NamedType> All;

    static IntrospectionTypes()
    {
        DefineSchema();
        DefineDirective();
        DefineType();
        DefineField();
        DefineInputValue();
        DefineEnumValue();
        All = new NamedType[] { Schema, Type, TypeKind, Field, InputValue, EnumValue, Directive, DirectiveLocationType };
    }

    /// <summary>Whether the name is one of the introspection types.</summary>
    public static bool IsIntrospectionType(NamedType type)
    {
        foreach (var t in All)
        {
            if (ReferenceEquals(t, type))
            {
                return true;
            }
        }

        return false;
    }

    private static ValueTask<object?> Done(object? value) => new(value);

    private static bool IncludeDeprecated(IResolveContext ctx) =>
        ctx.Arguments.TryGetValue("includeDeprecated", out var v) && v is true;

    private static ArgumentDefinition IncludeDeprecatedArgument() =>
        new("includeDeprecated", ScalarType.Boolean) { DefaultValue = false };

    private static EnumType CreateTypeKind()
    {
        var kind = new EnumType("__TypeKind", "An enum describing what kind of type a given `__Type` is.");
        kind.AddValue("SCALAR", null, "Indicates this type is a scalar.");
        kind.AddValue("OBJECT", null, "Indicates this type is an object. `fields` and `interfaces` are valid fields.");
        kind.AddValue("INTERFACE", null, "Indicates this type is an interface. `fields`, `interfaces`, and `possibleTypes` are valid fields.");
        kind.AddValue("UNION", null, "Indicates this type is a union. `possibleTypes` is a valid field.");
        kind.AddValue("ENUM", null, "Indicates this type is an enum. `enumValues` is a valid field.");
        kind.AddValue("INPUT_OBJECT", null, "Indicates this type is an input object. `inputFields` is a valid field.");
        kind.AddValue("LIST", null, "Indicates this type is a list. `ofType` is a valid field.");
        kind.AddValue("NON_NULL", null, "Indicates this type is a non-null. `ofType` is a valid field.");
        return kind;
    }

    private static EnumType CreateDirectiveLocation()
    {
        var type = new EnumType("__DirectiveLocation",
            "A Directive can be adjacent to many parts of the GraphQL language, a __DirectiveLocation describes one such possible adjacencies.");
        foreach (var location in Enum.GetValues<DirectiveLocation>())
        {
            type.AddValue(location.ToName(), location, location.Describe());
        }

        return type;
    }
}
