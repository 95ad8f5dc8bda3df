// Input Object Field Uniqueness — https://spec.graphql.org/October2021/#sec-Input-Object-Field-Uniqueness
// "Input objects must not contain more than one field of the same name, otherwise an ambiguity would exist which
// includes an ignored portion of syntax."
using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;

namespace Memento.GraphQL.Validation.Rules;

/// <summary>An input object literal gives each field once.</summary>
public static class UniqueInputFieldNamesRule
{
    public static readonly ValidationRule Rule = static context => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationRuleVisitor(context)
    {
        // One name map per object literal being visited; errors come in document order, nested ones included.
        private readonly Stack<Dictionary<string, NameNode>> _knownStack = new();

        public override VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
        {
            switch (node)
            {
                case ObjectValueNode:
                    _knownStack.Push(new Dictionary<string, NameNode>(StringComparer.Ordinal));
                    break;
                case ObjectFieldNode field when _knownStack.Count > 0:
                    var known = _knownStack.Peek();
                    var name = field.Name.Value;
                    if (known.TryGetValue(name, out var first))
                    {
                        Report(ErrorMessages.DuplicateInputField(name), first, field.Name);
                    }
                    else
                    {
                        known[name] = field.Name;
                    }

                    break;
            }

            return VisitorAction.Continue;
        }

        public override VisitorAction Leave(Node node, IReadOnlyList<Node> ancestors)
        {
            if (node.Kind == NodeKind.ObjectValue)
            {
                _knownStack.Pop();
            }

            return VisitorAction.Continue;
        }
    }
}
