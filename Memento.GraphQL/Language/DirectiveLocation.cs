// https://spec.graphql.org/October2021/#DirectiveLocations (graphql-js language/directiveLocation.ts)
namespace Memento.GraphQL.Language;

/// <summary>Where a directive may appear.</summary>
public enum DirectiveLocation
{
    // Executable directive locations
    Query,
    Mutation,
    Subscription,
    Field,
    FragmentDefinition,
    FragmentSpread,
    InlineFragment,
    VariableDefinition,

    // Type system directive locations
    Schema,
    Scalar,
    Object,
    FieldDefinition,
    ArgumentDefinition,
    Interface,
    Union,
    Enum,
    EnumValue,
    InputObject,
    InputFieldDefinition,
}

/// <summary>Converts between <see cref="DirectiveLocation"/> and its SDL spelling (e.g. FRAGMENT_SPREAD).</summary>
public static class DirectiveLocations
{
    private static readonly string[] Names =
    [
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT",
        "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE",
        "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION",
    ];

    /// <summary>The SDL name, e.g. <c>INPUT_FIELD_DEFINITION</c>.</summary>
    public static string ToName(this DirectiveLocation location) => Names[(int)location];

    /// <summary>Parses an SDL name (exact, case-sensitive).</summary>
    public static bool TryParse(string name, out DirectiveLocation location)
    {
        int index = Array.IndexOf(Names, name);
        location = (DirectiveLocation)Math.Max(index, 0);
        return index >= 0;
    }
}
