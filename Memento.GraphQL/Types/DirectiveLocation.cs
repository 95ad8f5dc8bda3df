using Memento.GraphQL.Language;

namespace Memento.GraphQL.Types;

/// <summary>Descriptions of directive locations (as introspection reports them) and their kind.</summary>
public static class DirectiveLocationInfo
{
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

    public static string Describe(this DirectiveLocation location) => Descriptions[(int)location];

    public static bool IsExecutable(this DirectiveLocation location) => location <= DirectiveLocation.VariableDefinition;
}
