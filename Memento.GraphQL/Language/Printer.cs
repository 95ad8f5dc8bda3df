// Prints an AST back to GraphQL text with graphql-js print() semantics (printer.ts): same layout, block strings
// kept as block strings, descriptions above their definitions, long argument lists wrapped at 80 columns.
// Not a hot path, so it is a direct port that favours fidelity over speed.
namespace Memento.GraphQL.Language;

using System.Text;
using Memento.GraphQL.Language.Ast;

/// <summary>Prints any AST node as GraphQL text.</summary>
public static class Printer
{
    private const int MaxLineLength = 80;

    /// <summary>Prints <paramref name="node"/> the way graphql-js <c>print</c> does.</summary>
    public static string Print(Node node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node switch
        {
            NameNode n => n.Value,
            VariableNode n => "$" + n.Name.Value,
            DocumentNode n => Join(n.Definitions, "\n\n"),
            OperationDefinitionNode n => PrintOperation(n),
            VariableDefinitionNode n => Description(n.Description) +
                Print(n.Variable) + ": " + Print(n.Type) + Wrap(" = ", Opt(n.DefaultValue)) + Wrap(" ", Join(n.Directives, " ")),
            SelectionSetNode n => Block(n.Selections),
            FieldNode n => PrintField(n),
            ArgumentNode n => n.Name.Value + ": " + Print(n.Value),
            FragmentSpreadNode n => "..." + n.Name.Value + Wrap(" ", Join(n.Directives, " ")),
            InlineFragmentNode n =>
                JoinStrings(" ", "...", Wrap("on ", Opt(n.TypeCondition)), Join(n.Directives, " "), Print(n.SelectionSet)),
            FragmentDefinitionNode n => Description(n.Description) +
                "fragment " + n.Name!.Value + " on " + Print(n.TypeCondition) + " " +
                Wrap("", Join(n.Directives, " "), " ") + Print(n.SelectionSet),
            IntValueNode n => n.Value,
            FloatValueNode n => n.Value,
            StringValueNode n => n.Block ? BlockString.Print(n.Value) : PrintString(n.Value),
            BooleanValueNode n => n.Value ? "true" : "false",
            NullValueNode => "null",
            EnumValueNode n => n.Value,
            ListValueNode n => "[" + Join(n.Values, ", ") + "]",
            ObjectValueNode n => "{" + Join(n.Fields, ", ") + "}",
            ObjectFieldNode n => n.Name.Value + ": " + Print(n.Value),
            DirectiveNode n => "@" + n.Name.Value + Wrap("(", Join(n.Arguments, ", "), ")"),
            NamedTypeNode n => n.Name.Value,
            ListTypeNode n => "[" + Print(n.Type) + "]",
            NonNullTypeNode n => Print(n.Type) + "!",
            _ => PrintTypeSystem(node),
        };
    }

    private static string PrintTypeSystem(Node node) => node switch
    {
        SchemaDefinitionNode n => Description(n.Description) +
            JoinStrings(" ", "schema", Join(n.Directives, " "), Block(n.OperationTypes)),
        OperationTypeDefinitionNode n => OperationName(n.Operation) + ": " + Print(n.Type),
        ScalarTypeDefinitionNode n => Description(n.Description) +
            JoinStrings(" ", "scalar", n.Name.Value, Join(n.Directives, " ")),
        ObjectTypeDefinitionNode n => Description(n.Description) + JoinStrings(" ", "type", n.Name.Value,
            Wrap("implements ", Join(n.Interfaces, " & ")), Join(n.Directives, " "), Block(n.Fields)),
        FieldDefinitionNode n => Description(n.Description) + n.Name.Value + Arguments(n.Arguments) + ": " +
            Print(n.Type) + Wrap(" ", Join(n.Directives, " ")),
        InputValueDefinitionNode n => Description(n.Description) + JoinStrings(" ",
            n.Name.Value + ": " + Print(n.Type), Wrap("= ", Opt(n.DefaultValue)), Join(n.Directives, " ")),
        InterfaceTypeDefinitionNode n => Description(n.Description) + JoinStrings(" ", "interface", n.Name.Value,
            Wrap("implements ", Join(n.Interfaces, " & ")), Join(n.Directives, " "), Block(n.Fields)),
        UnionTypeDefinitionNode n => Description(n.Description) + JoinStrings(" ", "union", n.Name.Value,
            Join(n.Directives, " "), Wrap("= ", Join(n.Types, " | "))),
        EnumTypeDefinitionNode n => Description(n.Description) +
            JoinStrings(" ", "enum", n.Name.Value, Join(n.Directives, " "), Block(n.Values)),
        EnumValueDefinitionNode n => Description(n.Description) + JoinStrings(" ", n.Name.Value, Join(n.Directives, " ")),
        InputObjectTypeDefinitionNode n => Description(n.Description) +
            JoinStrings(" ", "input", n.Name.Value, Join(n.Directives, " "), Block(n.Fields)),
        DirectiveDefinitionNode n => Description(n.Description) + "directive @" + n.Name.Value +
            Arguments(n.Arguments) + (n.Repeatable ? " repeatable" : "") + " on " + Join(n.Locations, " | "),
        SchemaExtensionNode n => JoinStrings(" ", "extend schema", Join(n.Directives, " "), Block(n.OperationTypes)),
        ScalarTypeExtensionNode n => JoinStrings(" ", "extend scalar", n.Name.Value, Join(n.Directives, " ")),
        ObjectTypeExtensionNode n => JoinStrings(" ", "extend type", n.Name.Value,
            Wrap("implements ", Join(n.Interfaces, " & ")), Join(n.Directives, " "), Block(n.Fields)),
        InterfaceTypeExtensionNode n => JoinStrings(" ", "extend interface", n.Name.Value,
            Wrap("implements ", Join(n.Interfaces, " & ")), Join(n.Directives, " "), Block(n.Fields)),
        UnionTypeExtensionNode n => JoinStrings(" ", "extend union", n.Name.Value, Join(n.Directives, " "),
            Wrap("= ", Join(n.Types, " | "))),
        EnumTypeExtensionNode n => JoinStrings(" ", "extend enum", n.Name.Value, Join(n.Directives, " "), Block(n.Values)),
        InputObjectTypeExtensionNode n => JoinStrings(" ", "extend input", n.Name.Value, Join(n.Directives, " "), Block(n.Fields)),
        _ => throw new ArgumentException($"Unknown node kind {node.Kind}.", nameof(node)),
    };

    private static string PrintOperation(OperationDefinitionNode n)
    {
        // Variable definitions with descriptions span lines; then each goes on its own line (not indented).
        var printedVars = PrintAll(n.VariableDefinitions);
        var varDefs = HasMultilineItems(printedVars)
            ? Wrap("(\n", JoinStrings("\n", printedVars), "\n)")
            : Wrap("(", JoinStrings(", ", printedVars), ")");
        var prefix = Description(n.Description) + JoinStrings(" ",
            OperationName(n.Operation), Opt(n.Name) + varDefs, Join(n.Directives, " "));
        // Anonymous queries with no description, directives or variable definitions can use the query short form.
        return (prefix == "query" ? "" : prefix + " ") + Print(n.SelectionSet);
    }

    private static string PrintField(FieldNode n)
    {
        var prefix = Wrap("", Opt(n.Alias), ": ") + n.Name.Value;
        var args = PrintAll(n.Arguments);
        var line = prefix;
        if (args.Length > 0)
        {
            // The wrapping limit applies to the whole "name(args)" length, newlines included (graphql-js).
            var joined = JoinStrings(", ", args);
            line += prefix.Length + joined.Length + 2 > MaxLineLength
                ? Wrap("(\n", Indent(JoinStrings("\n", args)), "\n)")
                : "(" + joined + ")";
        }
        return JoinStrings(" ", line, Join(n.Directives, " "), Opt(n.SelectionSet));
    }

    private static string[] PrintAll<T>(IReadOnlyList<T> nodes) where T : Node
    {
        var printed = new string[nodes.Count];
        for (int i = 0; i < nodes.Count; i++) printed[i] = Print(nodes[i]);
        return printed;
    }

    private static bool HasMultilineItems(string[] printed)
    {
        foreach (var item in printed)
        {
            if (item.Contains('\n')) return true;
        }
        return false;
    }

    private static string Arguments(IReadOnlyList<InputValueDefinitionNode> args)
    {
        var printed = new string[args.Count];
        bool multiline = false;
        for (int i = 0; i < args.Count; i++)
        {
            printed[i] = Print(args[i]);
            multiline |= printed[i].Contains('\n');
        }
        return multiline
            ? Wrap("(\n", Indent(JoinStrings("\n", printed)), "\n)")
            : Wrap("(", JoinStrings(", ", printed), ")");
    }

    private static string OperationName(OperationType operation) => operation switch
    {
        OperationType.Query => "query",
        OperationType.Mutation => "mutation",
        _ => "subscription",
    };

    private static string Description(StringValueNode? description) => Wrap("", Opt(description), "\n");

    private static string Opt(Node? node) => node is null ? "" : Print(node);

    private static string Join<T>(IReadOnlyList<T> nodes, string separator) where T : Node
    {
        if (nodes.Count == 0) return "";
        var parts = new string[nodes.Count];
        for (int i = 0; i < nodes.Count; i++) parts[i] = Print(nodes[i]);
        return JoinStrings(separator, parts);
    }

    // graphql-js join(): skips empty parts.
    private static string JoinStrings(string separator, params string[] parts)
    {
        var sb = new StringBuilder();
        foreach (var part in parts)
        {
            if (part.Length == 0) continue;
            if (sb.Length > 0) sb.Append(separator);
            sb.Append(part);
        }
        return sb.ToString();
    }

    private static string Block<T>(IReadOnlyList<T> nodes) where T : Node => Wrap("{\n", Indent(Join(nodes, "\n")), "\n}");

    private static string Wrap(string start, string value, string end = "") => value.Length == 0 ? "" : start + value + end;

    private static string Indent(string text) => Wrap("  ", text.Replace("\n", "\n  "));

    /// <summary>graphql-js printString: a JSON-style quoted string with C0/C1 controls escaped.</summary>
    public static string PrintString(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '\b': sb.Append("\\b"); break;
                case '\t': sb.Append("\\t"); break;
                case '\n': sb.Append("\\n"); break;
                case '\f': sb.Append("\\f"); break;
                case '\r': sb.Append("\\r"); break;
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                default:
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
                        sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    else
                        sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}
