using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Utilities;

namespace Memento.GraphQL.Types;

public sealed partial class ScalarType
{
    private Func<ValueNode, IReadOnlyDictionary<string, object?>?, object?>? _parseLiteral;

    /// <summary>
    /// Input coercion of a literal; variables inside (for JSON-like scalars) are read from the given values. The
    /// default, as in graphql-js, converts the literal to a plain value and hands it to <see cref="ParseValue"/>.
    /// </summary>
    public Func<ValueNode, IReadOnlyDictionary<string, object?>?, object?> ParseLiteral
    {
        get => _parseLiteral ??= (node, variables) => ParseValue(ValueFromAst.Untyped(node, variables));
        set => _parseLiteral = value;
    }
}
