using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;
using Memento.GraphQL.Utilities;

namespace Memento.GraphQL.Validation;

/// <summary>
/// Validates an executable document against a schema (spec section 5): every rule runs in one shared walk, and
/// the errors come back as a list, capped at <see cref="ValidationOptions.MaxErrors"/>.
/// </summary>
public static class DocumentValidator
{
    /// <summary>
    /// Validates with the specified rules (or the given ones). An empty list means the document is valid.
    /// Throws <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public static IReadOnlyList<GraphQLError> Validate(
        GraphQLSchema schema,
        DocumentNode document,
        IReadOnlyList<ValidationRule>? rules = null,
        ValidationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= ValidationOptions.Default;
        rules ??= SpecifiedRules.All;
        var errors = new List<GraphQLError>();
        var aborted = false;
        var typeInfo = new TypeInfo(schema);
        var context = new ValidationContext(schema, document, typeInfo, error =>
        {
            if (aborted)
            {
                return;
            }

            if (errors.Count >= options.MaxErrors)
            {
                errors.Add(new GraphQLError(ErrorMessages.TooManyValidationErrors));
                aborted = true;
                return;
            }

            errors.Add(error);
        })
        {
            Options = options,
            CancellationToken = cancellationToken,
        };

        var visitors = new ValidationRuleVisitor[rules.Count];
        for (var i = 0; i < visitors.Length; i++)
        {
            visitors[i] = rules[i](context);
        }

        try
        {
            // Descriptions never affect validation (graphql-js skips them too).
            AstWalker.Walk(document, new RulesVisitor(typeInfo, visitors, () => aborted, cancellationToken), visitDescriptions: false);
        }
        catch (ValidationAbortedException)
        {
            errors.Add(new GraphQLError(ValidationAbortedException.Text));
        }

        return errors;
    }

    /// <summary>
    /// Runs all rule visitors in one walk, like graphql-js visitInParallel wrapped in visitWithTypeInfo: type
    /// information enters a node before the rules and leaves after them; each rule may skip a subtree alone.
    /// </summary>
    private sealed class RulesVisitor(TypeInfo typeInfo, ValidationRuleVisitor[] visitors, Func<bool> aborted, CancellationToken cancellationToken) : AstVisitor
    {
        private static readonly Node BreakMarker = new NameNode("<break>");
        private readonly Node?[] _skipping = new Node?[visitors.Length];

        public override VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
        {
            if (node.Kind == NodeKind.Name)
            {
                // No rule looks at bare names; skipping them saves a call per rule per name.
                return VisitorAction.Skip;
            }

            cancellationToken.ThrowIfCancellationRequested();
            typeInfo.Enter(node);
            for (var i = 0; i < visitors.Length; i++)
            {
                if (_skipping[i] is not null)
                {
                    continue;
                }

                var action = visitors[i].Enter(node, ancestors);
                if (action == VisitorAction.Skip)
                {
                    _skipping[i] = node;
                }
                else if (action == VisitorAction.Break)
                {
                    _skipping[i] = BreakMarker;
                }
            }

            return aborted() ? VisitorAction.Break : VisitorAction.Continue;
        }

        public override VisitorAction Leave(Node node, IReadOnlyList<Node> ancestors)
        {
            for (var i = 0; i < visitors.Length; i++)
            {
                var skipping = _skipping[i];
                if (skipping is null)
                {
                    if (visitors[i].Leave(node, ancestors) == VisitorAction.Break)
                    {
                        _skipping[i] = BreakMarker;
                    }
                }
                else if (ReferenceEquals(skipping, node))
                {
                    _skipping[i] = null;
                }
            }

            typeInfo.Leave(node);
            return aborted() ? VisitorAction.Break : VisitorAction.Continue;
        }
    }
}
