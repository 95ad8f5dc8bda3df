using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;

namespace Memento.GraphQL.Validation;

/// <summary>
/// Creates the visitor of one validation rule for one document. Rules keep per-document state in their visitor,
/// so a new one is made for every validation.
/// </summary>
public delegate ValidationRuleVisitor ValidationRule(ValidationContext context);

/// <summary>
/// The visitor of one rule. All rules of a validation share a single walk of the document (graphql-js
/// visitInParallel): <see cref="Enter"/> and <see cref="Leave"/> are called for every node, with the type
/// information of the context already positioned on it.
/// </summary>
public abstract class ValidationRuleVisitor
{
    protected ValidationRuleVisitor(ValidationContext context) => Context = context;

    protected ValidationContext Context { get; }

    /// <summary>Called before the node's children; may skip them or stop this rule.</summary>
    public virtual VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors) => VisitorAction.Continue;

    /// <summary>Called after the node's children.</summary>
    public virtual VisitorAction Leave(Node node, IReadOnlyList<Node> ancestors) => VisitorAction.Continue;

    protected void Report(string message, Node node) => Context.ReportError(new Errors.GraphQLError(message, node));

    protected void Report(string message, params Node[] nodes) => Context.ReportError(new Errors.GraphQLError(message, nodes));
}
