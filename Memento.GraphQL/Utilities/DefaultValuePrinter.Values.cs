using Memento.GraphQL.Types;

namespace Memento.GraphQL.Utilities;

internal static partial class DefaultValuePrinter
{
    /// <summary>graphql-js: print(astFromValue(defaultValue, type)); null when the value has no literal.</summary>
    private static string? PrintValue(object? value, GraphQLType type) =>
        AstFromValue.Convert(value, type) is { } node ? Language.Printer.Print(node) : null;
}
