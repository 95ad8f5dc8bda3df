using Memento.GraphQL.Language;
using Memento.GraphQL.Types;

namespace Memento.GraphQL.Introspection;

/// <summary>Field definitions and resolvers of the introspection types.</summary>
public static partial class IntrospectionTypes
{
    private static NonNullType NonNullString => new(ScalarType.String);

    private static NonNullType NonNullBoolean => new(ScalarType.Boolean);

    private static GraphQLType NonNullListOf(GraphQLType type) => new NonNullType(new ListType(new NonNullType(type)));

    private static GraphQLType ListOf(GraphQLType type) => new ListType(new NonNullType(type));

    private static void DefineSchema()
    {
        Schema.AddField("description", ScalarType.String, static c => Done(((GraphQLSchema)c.Source!).Description));
        Schema.AddField("types", NonNullListOf(Type), static c => Done(((GraphQLSchema)c.Source!).Types),
            "A list of all types supported by this server.");
        Schema.AddField("queryType", new NonNullType(Type), static c => Done(((GraphQLSchema)c.Source!).QueryType),
            "The type that query operations will be rooted at.");
        Schema.AddField("mutationType", Type, static c => Done(((GraphQLSchema)c.Source!).MutationType),
            "If this server supports mutation, the type that mutation operations will be rooted at.");
        Schema.AddField("subscriptionType", Type, static c => Done(((GraphQLSchema)c.Source!).SubscriptionType),
            "If this server support subscription, the type that subscription operations will be rooted at.");
        Schema.AddField("directives", NonNullListOf(Directive), static c => Done(((GraphQLSchema)c.Source!).Directives),
            "A list of all directives supported by this server.");
    }

    private static void DefineDirective()
    {
        Directive.AddField("name", NonNullString, static c => Done(((DirectiveDefinition)c.Source!).Name));
        Directive.AddField("description", ScalarType.String, static c => Done(((DirectiveDefinition)c.Source!).Description));
        Directive.AddField("isRepeatable", NonNullBoolean, static c => Done(((DirectiveDefinition)c.Source!).IsRepeatable));
        Directive.AddField("locations", NonNullListOf(DirectiveLocationType),
            static c => Done(((DirectiveDefinition)c.Source!).Locations));
        Directive.AddField("args", NonNullListOf(InputValue),
                static c => Done(FilterDeprecated(((DirectiveDefinition)c.Source!).Arguments, IncludeDeprecated(c))))
            .AddArgument(IncludeDeprecatedArgument());
    }

    private static void DefineType()
    {
        Type.AddField("kind", new NonNullType(TypeKind), static c => Done(KindOf((GraphQLType)c.Source!)));
        Type.AddField("name", ScalarType.String, static c => Done((c.Source as NamedType)?.Name));
        Type.AddField("description", ScalarType.String, static c => Done((c.Source as NamedType)?.Description));
        Type.AddField("specifiedByURL", ScalarType.String, static c => Done((c.Source as ScalarType)?.SpecifiedByUrl));
        Type.AddField("fields", ListOf(Field), static c => Done(c.Source is FieldsContainer fc
                ? FilterDeprecated(fc.Fields, IncludeDeprecated(c))
                : null))
            .AddArgument(IncludeDeprecatedArgument());
        Type.AddField("interfaces", ListOf(Type), static c => Done((c.Source as FieldsContainer)?.Interfaces));
        Type.AddField("possibleTypes", ListOf(Type), static c => Done(c.Source is UnionType or InterfaceType
            ? c.Schema.GetPossibleTypes((NamedType)c.Source)
            : null));
        Type.AddField("enumValues", ListOf(EnumValue), static c => Done(c.Source is EnumType e
                ? FilterDeprecated(e.Values, IncludeDeprecated(c))
                : null))
            .AddArgument(IncludeDeprecatedArgument());
        Type.AddField("inputFields", ListOf(InputValue), static c => Done(c.Source is InputObjectType io
                ? FilterDeprecated(io.Fields, IncludeDeprecated(c))
                : null))
            .AddArgument(IncludeDeprecatedArgument());
        Type.AddField("ofType", Type, static c => Done(c.Source switch
        {
            ListType l => l.OfType,
            NonNullType n => n.OfType,
            _ => null,
        }));
        Type.AddField("isOneOf", ScalarType.Boolean, static c => Done(c.Source is InputObjectType io ? io.IsOneOf : null));
    }

    private static void DefineField()
    {
        Field.AddField("name", NonNullString, static c => Done(((FieldDefinition)c.Source!).Name));
        Field.AddField("description", ScalarType.String, static c => Done(((FieldDefinition)c.Source!).Description));
        Field.AddField("args", NonNullListOf(InputValue),
                static c => Done(FilterDeprecated(((FieldDefinition)c.Source!).Arguments, IncludeDeprecated(c))))
            .AddArgument(IncludeDeprecatedArgument());
        Field.AddField("type", new NonNullType(Type), static c => Done(((FieldDefinition)c.Source!).Type));
        Field.AddField("isDeprecated", NonNullBoolean, static c => Done(((FieldDefinition)c.Source!).IsDeprecated));
        Field.AddField("deprecationReason", ScalarType.String, static c => Done(((FieldDefinition)c.Source!).DeprecationReason));
    }

    private static void DefineInputValue()
    {
        InputValue.AddField("name", NonNullString, static c => Done(((InputValueDefinition)c.Source!).Name));
        InputValue.AddField("description", ScalarType.String, static c => Done(((InputValueDefinition)c.Source!).Description));
        InputValue.AddField("type", new NonNullType(Type), static c => Done(((InputValueDefinition)c.Source!).Type));
        InputValue.AddField("defaultValue", ScalarType.String,
            static c => Done(Utilities.DefaultValuePrinter.Print((InputValueDefinition)c.Source!)),
            "A GraphQL-formatted string representing the default value for this input value.");
        InputValue.AddField("isDeprecated", NonNullBoolean, static c => Done(((InputValueDefinition)c.Source!).IsDeprecated));
        InputValue.AddField("deprecationReason", ScalarType.String,
            static c => Done(((InputValueDefinition)c.Source!).DeprecationReason));
    }

    private static void DefineEnumValue()
    {
        EnumValue.AddField("name", NonNullString, static c => Done(((EnumValueDefinition)c.Source!).Name));
        EnumValue.AddField("description", ScalarType.String, static c => Done(((EnumValueDefinition)c.Source!).Description));
        EnumValue.AddField("isDeprecated", NonNullBoolean, static c => Done(((EnumValueDefinition)c.Source!).IsDeprecated));
        EnumValue.AddField("deprecationReason", ScalarType.String,
            static c => Done(((EnumValueDefinition)c.Source!).DeprecationReason));
    }

    private static string KindOf(GraphQLType type) => type switch
    {
        ScalarType => "SCALAR",
        ObjectType => "OBJECT",
        InterfaceType => "INTERFACE",
        UnionType => "UNION",
        EnumType => "ENUM",
        InputObjectType => "INPUT_OBJECT",
        ListType => "LIST",
        NonNullType => "NON_NULL",
        _ => throw new InvalidOperationException("Unexpected type: " + type),
    };

    private static IReadOnlyList<FieldDefinition> FilterDeprecated(IReadOnlyList<FieldDefinition> items, bool include)
    {
        if (include)
        {
            return items;
        }

        List<FieldDefinition>? result = null;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].IsDeprecated)
            {
                result ??= CopyPrefix(items, i);
            }
            else
            {
                result?.Add(items[i]);
            }
        }

        return result ?? items;
    }

    private static IReadOnlyList<EnumValueDefinition> FilterDeprecated(IReadOnlyList<EnumValueDefinition> items, bool include)
    {
        if (include)
        {
            return items;
        }

        List<EnumValueDefinition>? result = null;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].IsDeprecated)
            {
                result ??= CopyPrefix(items, i);
            }
            else
            {
                result?.Add(items[i]);
            }
        }

        return result ?? items;
    }

    private static IReadOnlyList<T> FilterDeprecated<T>(IReadOnlyList<T> items, bool include)
        where T : InputValueDefinition
    {
        if (include)
        {
            return items;
        }

        List<T>? result = null;
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].IsDeprecated)
            {
                result ??= CopyPrefix(items, i);
            }
            else
            {
                result?.Add(items[i]);
            }
        }

        return result ?? items;
    }

    // Lists are only copied when something is filtered out: most schemas have no deprecations.
    private static List<T> CopyPrefix<T>(IReadOnlyList<T> items, int count)
    {
        var list = new List<T>(items.Count);
        for (var i = 0; i < count; i++)
        {
            list.Add(items[i]);
        }

        return list;
    }
}
