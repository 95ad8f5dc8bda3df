namespace Memento.GraphQL.Types;

/// <summary>Where a directive may appear (spec 3.13). Names print as the spec's upper-case constants.</summary>
public enum DirectiveLocation
{
    // Executable locations.
    Query,
    Mutation,
    Subscription,
    Field,
    FragmentDefinition,
    FragmentSpread,
    InlineFragment,
    VariableDefinition,

    // Type system locations.
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

/// <summary>Converts directive locations to and from their spec names (e.g. FIELD_DEFINITION).</summary>
public static class DirectiveLocations
{
    private static readonly string[] Names =
    {
        "QUERY", "MUTATION", "SUBSCRIPTION", "FIELD", "FRAGMENT_DEFINITION", "FRAGMENT_SPREAD", "INLINE_FRAGMENT",
        "VARIABLE_DEFINITION", "SCHEMA", "SCALAR", "OBJECT", "FIELD_DEFINITION", "ARGUMENT_DEFINITION", "INTERFACE",
        "UNION", "ENUM", "ENUM_VALUE", "INPUT_OBJECT", "INPUT_FIELD_DEFINITION",
    };

    private static readonly string[] Descriptions =
    {
        "Location adjacent to a query operation.",
        "Location adjacent to a mutation operation.",
        "Location adjacent to a subscription operation.",
        "Location adjacent to a field.",
        "Location adjacent to a fragment definition.",
        "Location adjacent to a fragment spread.",
        "Location adjacent to an inline fragment.",
        "Location adjacent to a variable definition.",
        "Location adjacent to a schema definition.",
        "Location adjacent to a scalar definition.",
        "Location adjacent to an object type definition.",
        "Location adjacent to a field definition.",
        "Location adjacent to an argument definition.",
        "Location adjacent to an interface definition.",
        "Location adjacent to a union definition.",
        "Location adjacent to an enum definition.",
        "Location adjacent to an enum value definition.",
        "Location adjacent to an input object type definition.",
        "Location adjacent to an input object field definition.",
    };

    public static string ToName(this DirectiveLocation location) => Names[(int)location];

    public static string Describe(this DirectiveLocation location) => Descriptions[(int)location];

    public static bool TryParse(string name, out DirectiveLocation location)
    {
        var i = Array.IndexOf(Names, name);
        location = (DirectiveLocation)Math.Max(i, 0);
        return i >= 0;
    }

    public static bool IsExecutable(this DirectiveLocation location) => location <= DirectiveLocation.VariableDefinition;
}
