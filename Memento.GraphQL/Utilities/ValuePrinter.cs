using System.Text;
using Memento.GraphQL.Language.Ast;

namespace Memento.GraphQL.Utilities;

/// <summary>Prints value literals as graphql-js print() does (used in error messages and default values).</summary>
internal static class ValuePrinter
{
    public static string Print(ValueNode node) => Language.Printer.Print(node);

    public static void Append(StringBuilder sb, ValueNode node)
    {
        switch (node)
        {
            case VariableNode v:
                sb.Append('$').Append(v.Name.Value);
                break;
            case IntValueNode i:
                sb.Append(i.Value);
                break;
            case FloatValueNode f:
                sb.Append(f.Value);
                break;
            case StringValueNode s:
                if (s.Block)
                {
                    sb.Append(Language.BlockString.Print(s.Value));
                }
                else
                {
                    AppendString(sb, s.Value);
                }

                break;
            case BooleanValueNode b:
                sb.Append(b.Value ? "true" : "false");
                break;
            case NullValueNode:
                sb.Append("null");
                break;
            case EnumValueNode e:
                sb.Append(e.Value);
                break;
            case ListValueNode l:
                sb.Append('[');
                for (var k = 0; k < l.Values.Count; k++)
                {
                    if (k > 0)
                    {
                        sb.Append(", ");
                    }

                    Append(sb, l.Values[k]);
                }

                sb.Append(']');
                break;
            case ObjectValueNode o:
                sb.Append('{');
                for (var k = 0; k < o.Fields.Count; k++)
                {
                    if (k > 0)
                    {
                        sb.Append(", ");
                    }

                    sb.Append(o.Fields[k].Name.Value).Append(": ");
                    Append(sb, o.Fields[k].Value);
                }

                sb.Append('}');
                break;
        }
    }

    /// <summary>A type reference as written: <c>[Int!]</c>.</summary>
    public static string PrintType(TypeNode node) => Language.Printer.Print(node);

    /// <summary>graphql-js printString: JSON-like escapes for quotes, backslash and control characters.</summary>
    public static void AppendString(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4"));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }
}
