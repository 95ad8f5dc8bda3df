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

    /// <summary>
    /// Parses and validates <paramref name="query"/> against <paramref name="schema"/>, cached by its text as
    /// <see cref="ExecuteAsync(ExecutionRequest)"/> does, within <see cref="ExecutionOptions.RequestTimeout"/>. Give the
    /// result as <see cref="ExecutionRequest.ValidatedDocument"/> to run it without validating again. Throws only
    /// <see cref="OperationCanceledException"/>, when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public ValidatedDocument Validate(GraphQLSchema schema, string query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (Options.RequestTimeout is { } budget) timeout.CancelAfter(budget);
        try
        {
            return new ValidatedDocument(_cache.GetOrAdd(schema, query, (s, q) => Prepare(s, q, timeout.Token)));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new ValidatedDocument(new PreparedDocument(schema, null, TimedOut(Options.RequestTimeout!.Value, new RequestStage()).Errors!));
        }
        catch (InsufficientExecutionStackException)
        {
            return new ValidatedDocument(new PreparedDocument(schema, null, TooDeep().Errors!));
        }
    }

    /// <summary>The specified rules (spec section 5) plus the depth and cost limits this executor enforces.</summary>
    private IReadOnlyList<GraphQLError> ValidateDocument(GraphQLSchema schema, DocumentNode document, CancellationToken cancellationToken)
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
