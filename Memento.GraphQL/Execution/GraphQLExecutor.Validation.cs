using Memento.GraphQL.Errors;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;
using Memento.GraphQL.Validation;
using Memento.GraphQL.Validation.Rules;

namespace Memento.GraphQL.Execution;

public sealed partial class GraphQLExecutor
{
    private IReadOnlyList<ValidationRule>? _rules;
    private ValidationOptions? _validationOptions;

    /// <summary>The specified rules (spec section 5) plus the depth and cost limits this executor enforces.</summary>
    private IReadOnlyList<GraphQLError> Validate(GraphQLSchema schema, DocumentNode document, CancellationToken cancellationToken)
    {
        if (_rules is null)
        {
            var rules = new List<ValidationRule>(SpecifiedRules.All);
            var options = new ValidationOptions();
            if (Options.MaxDepth is { } depth)
            {
                options.MaxDepth = depth;
                rules.Add(MaxDepthRule.Rule);
            }
            if (Options.MaxCost is { } cost)
            {
                options.MaxCost = cost;
                rules.Add(MaxCostRule.Rule);
            }
            _validationOptions = options;
            _rules = rules;
        }
        return DocumentValidator.Validate(schema, document, _rules, _validationOptions, cancellationToken);
    }
}
