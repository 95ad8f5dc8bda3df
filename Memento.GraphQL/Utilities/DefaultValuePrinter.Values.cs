using Memento.GraphQL.Types;

namespace Memento.GraphQL.Utilities;

/// <summary>Temporary value printing until the AST printer lands (replaced by astFromValue + print).</summary>
internal static partial class DefaultValuePrinter
{
    private static string? PrintValue(object? value, GraphQLType type) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        string s when type.GetNamedType() is EnumType => s,
        string s => System.Text.Json.JsonSerializer.Serialize(s),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}
