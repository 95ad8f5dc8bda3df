using System.Globalization;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Utilities;

namespace Memento.GraphQL.Types.Scalars;

/// <summary>Literal coercion of the built-in scalars, worded as graphql-js words its errors.</summary>
internal static class SpecifiedLiterals
{
    public static void Install()
    {
        IntScalar.Instance.ParseLiteral = static (node, _) =>
        {
            if (node is not IntValueNode i)
            {
                throw new GraphQLTypeException("Int cannot represent non-integer value: " + ValuePrinter.Print(node));
            }

            if (!int.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                throw new GraphQLTypeException("Int cannot represent non 32-bit signed integer value: " + i.Value);
            }

            return value;
        };
        LongScalar.Instance.ParseLiteral = static (node, _) =>
        {
            if (node is not IntValueNode i)
            {
                throw new GraphQLTypeException("Long cannot represent non-integer value: " + ValuePrinter.Print(node));
            }

            if (!long.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                throw new GraphQLTypeException("Long cannot represent non 64-bit signed integer value: " + i.Value);
            }

            return value;
        };
        FloatScalar.Instance.ParseLiteral = static (node, _) => node switch
        {
            IntValueNode i => double.Parse(i.Value, CultureInfo.InvariantCulture),
            FloatValueNode f => double.Parse(f.Value, CultureInfo.InvariantCulture),
            _ => throw new GraphQLTypeException("Float cannot represent non numeric value: " + ValuePrinter.Print(node)),
        };
        StringScalar.Instance.ParseLiteral = static (node, _) => node is StringValueNode s
            ? s.Value
            : throw new GraphQLTypeException("String cannot represent a non string value: " + ValuePrinter.Print(node));
        BooleanScalar.Instance.ParseLiteral = static (node, _) => node is BooleanValueNode b
            ? b.Value
            : throw new GraphQLTypeException("Boolean cannot represent a non boolean value: " + ValuePrinter.Print(node));
        IdScalar.Instance.ParseLiteral = static (node, _) => node switch
        {
            StringValueNode s => s.Value,
            IntValueNode i => i.Value,
            _ => throw new GraphQLTypeException("ID cannot represent a non-string and non-integer value: " + ValuePrinter.Print(node)),
        };
        DateTimeScalar.Instance.ParseLiteral = static (node, _) => node is StringValueNode s
            ? DateTimeScalar.Instance.ParseValue(s.Value)
            : throw new GraphQLTypeException("DateTime cannot represent a non string value: " + ValuePrinter.Print(node));
        JsonScalar.Instance.ParseLiteral = static (node, variables) => ValueFromAst.Untyped(node, variables);
        UploadScalar.Instance.ParseLiteral = static (node, _) =>
            throw new GraphQLTypeException("Upload cannot represent a non-file value: " + ValuePrinter.Print(node));
    }
}
