using System.Text;
using Memento.GraphQL.Introspection;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;

namespace Memento.GraphQL.Utilities;

/// <summary>
/// Prints a schema as SDL exactly as graphql-js printSchema does: schema definition only when the root names are
/// not the conventional ones (or there is a description), then custom directives, then types in type-map order;
/// specified scalars, specified directives and introspection types are left out.
/// </summary>
public static class SchemaPrinter
{
    public static string Print(GraphQLSchema schema)
    {
        var parts = new List<string>();
        if (PrintSchemaDefinition(schema) is { } schemaDefinition)
        {
            parts.Add(schemaDefinition);
        }

        foreach (var directive in schema.Directives)
        {
            if (!directive.IsSpecified)
            {
                parts.Add(PrintDirective(directive));
            }
        }

        foreach (var type in schema.Types)
        {
            if (type is ScalarType { IsSpecified: true } || IntrospectionTypes.IsIntrospectionType(type))
            {
                continue;
            }

            parts.Add(PrintType(type));
        }

        return string.Join("\n\n", parts);
    }

    /// <summary>The introspection types and specified directives (graphql-js printIntrospectionSchema).</summary>
    public static string PrintIntrospectionSchema(GraphQLSchema schema)
    {
        var parts = new List<string>();
        if (PrintSchemaDefinition(schema) is { } schemaDefinition)
        {
            parts.Add(schemaDefinition);
        }

        foreach (var directive in schema.Directives)
        {
            if (directive.IsSpecified)
            {
                parts.Add(PrintDirective(directive));
            }
        }

        foreach (var type in schema.Types)
        {
            if (IntrospectionTypes.IsIntrospectionType(type))
            {
                parts.Add(PrintType(type));
            }
        }

        return string.Join("\n\n", parts);
    }

    private static string? PrintSchemaDefinition(GraphQLSchema schema)
    {
        if (schema.Description is null &&
            (schema.QueryType is null || schema.QueryType.Name == "Query") &&
            (schema.MutationType is null || schema.MutationType.Name == "Mutation") &&
            (schema.SubscriptionType is null || schema.SubscriptionType.Name == "Subscription"))
        {
            return null;
        }

        var operationTypes = new List<string>();
        if (schema.QueryType is { } q)
        {
            operationTypes.Add("  query: " + q.Name);
        }

        if (schema.MutationType is { } m)
        {
            operationTypes.Add("  mutation: " + m.Name);
        }

        if (schema.SubscriptionType is { } s)
        {
            operationTypes.Add("  subscription: " + s.Name);
        }

        return PrintDescription(schema.Description) + "schema {\n" + string.Join("\n", operationTypes) + "\n}";
    }

    public static string PrintType(NamedType type) => type switch
    {
        ScalarType s => PrintDescription(s.Description) + "scalar " + s.Name + PrintSpecifiedBy(s),
        ObjectType o => PrintDescription(o.Description) + "type " + o.Name + PrintInterfaces(o) + PrintFields(o),
        InterfaceType i => PrintDescription(i.Description) + "interface " + i.Name + PrintInterfaces(i) + PrintFields(i),
        UnionType u => PrintDescription(u.Description) + "union " + u.Name +
                       (u.Types.Count > 0 ? " = " + string.Join(" | ", u.Types.Select(t => t.Name)) : string.Empty),
        EnumType e => PrintDescription(e.Description) + "enum " + e.Name + PrintBlock(e.Values.Select((v, i) =>
            PrintDescription(v.Description, "  ", i == 0) + "  " + v.Name + PrintDeprecated(v.DeprecationReason))),
        InputObjectType io => PrintDescription(io.Description) + "input " + io.Name + (io.IsOneOf ? " @oneOf" : string.Empty) +
                              PrintBlock(io.Fields.Select((f, i) => PrintDescription(f.Description, "  ", i == 0) + "  " + PrintInputValue(f))),
        _ => throw new InvalidOperationException("Unexpected type: " + type),
    };

    private static string PrintInterfaces(FieldsContainer type) =>
        type.Interfaces.Count > 0 ? " implements " + string.Join(" & ", type.Interfaces.Select(i => i.Name)) : string.Empty;

    private static string PrintFields(FieldsContainer type) => PrintBlock(type.Fields.Select((f, i) =>
        PrintDescription(f.Description, "  ", i == 0) + "  " + f.Name + PrintArgs(f.Arguments, "  ") + ": " + f.Type +
        PrintDeprecated(f.DeprecationReason)));

    private static string PrintBlock(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count != 0 ? " {\n" + string.Join("\n", list) + "\n}" : string.Empty;
    }

    private static string PrintArgs(IReadOnlyList<ArgumentDefinition> args, string indentation = "")
    {
        if (args.Count == 0)
        {
            return string.Empty;
        }

        // Without descriptions the arguments fit on one line.
        if (args.All(a => string.IsNullOrEmpty(a.Description)))
        {
            return "(" + string.Join(", ", args.Select(PrintInputValue)) + ")";
        }

        var sb = new StringBuilder("(\n");
        for (var i = 0; i < args.Count; i++)
        {
            if (i > 0)
            {
                sb.Append('\n');
            }

            sb.Append(PrintDescription(args[i].Description, "  " + indentation, i == 0)).Append("  ").Append(indentation).Append(PrintInputValue(args[i]));
        }

        return sb.Append('\n').Append(indentation).Append(')').ToString();
    }

    private static string PrintInputValue(InputValueDefinition arg)
    {
        var decl = arg.Name + ": " + arg.Type;
        if (DefaultValuePrinter.Print(arg) is { } defaultValue)
        {
            decl += " = " + defaultValue;
        }

        return decl + PrintDeprecated(arg.DeprecationReason);
    }

    private static string PrintDirective(DirectiveDefinition directive) =>
        PrintDescription(directive.Description) + "directive @" + directive.Name + PrintArgs(directive.Arguments) +
        (directive.IsRepeatable ? " repeatable" : string.Empty) + " on " +
        string.Join(" | ", directive.Locations.Select(l => l.ToName()));

    private static string PrintDeprecated(string? reason)
    {
        if (reason is null)
        {
            return string.Empty;
        }

        return reason != Deprecation.DefaultReason
            ? " @deprecated(reason: " + Printer.PrintString(reason) + ")"
            : " @deprecated";
    }

    private static string PrintSpecifiedBy(ScalarType scalar) =>
        scalar.SpecifiedByUrl is null ? string.Empty : " @specifiedBy(url: " + Printer.PrintString(scalar.SpecifiedByUrl) + ")";

    private static string PrintDescription(string? description, string indentation = "", bool firstInBlock = true)
    {
        if (description is null)
        {
            return string.Empty;
        }

        var blockString = Printer.Print(new StringValueNode(description, block: BlockString.IsPrintable(description)));
        var prefix = indentation.Length > 0 && !firstInBlock ? "\n" + indentation : indentation;
        return prefix + blockString.Replace("\n", "\n" + indentation) + "\n";
    }
}
