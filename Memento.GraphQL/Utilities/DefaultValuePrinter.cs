using Memento.GraphQL.Types;

namespace Memento.GraphQL.Utilities;

/// <summary>Prints an input value's default as GraphQL text, for introspection and the SDL printer.</summary>
internal static partial class DefaultValuePrinter
{
    public static string? Print(InputValueDefinition definition) =>
        definition.HasDefaultValue ? PrintValue(definition.DefaultValue, definition.Type) : null;
}
