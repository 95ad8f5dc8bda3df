// Depth-first enter/leave traversal of an AST, like graphql-js `visit` (without AST editing).
namespace Memento.GraphQL.Language;

using Memento.GraphQL.Language.Ast;

/// <summary>What a visitor asks the walker to do next.</summary>
public enum VisitorAction
{
    /// <summary>Go on normally.</summary>
    Continue,

    /// <summary>From <c>Enter</c>: do not visit this node's children, and do not call <c>Leave</c> for it.</summary>
    Skip,

    /// <summary>Stop the whole walk.</summary>
    Break,
}

/// <summary>
/// A visitor: override <see cref="Enter"/> and/or <see cref="Leave"/> and switch on <see cref="Node.Kind"/>.
/// The ancestors list holds the nodes from the root down to the parent (the parent is the last one).
/// </summary>
public abstract class AstVisitor
{
    public virtual VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors) => VisitorAction.Continue;

    public virtual VisitorAction Leave(Node node, IReadOnlyList<Node> ancestors) => VisitorAction.Continue;
}

/// <summary>Walks an AST calling a visitor; iterative, so a deep AST cannot overflow the stack.</summary>
public static class AstWalker
{
    /// <summary>Visits <paramref name="root"/> and its descendants in document order.</summary>
    /// <param name="root">Where to start.</param>
    /// <param name="visitor">Called on entering and leaving each node.</param>
    /// <param name="visitDescriptions">
    /// False to leave out descriptions: validation must, because descriptions never affect it (graphql-js
    /// validate() walks QueryDocumentKeys without "description"; https://spec.graphql.org/draft/#sec-Descriptions).
    /// </param>
    public static void Walk(Node root, AstVisitor visitor, bool visitDescriptions = true)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(visitor);

        // Each stack entry is a node to enter, or (leaving == true) a node whose subtree is done.
        var stack = new Stack<(Node Node, bool Leaving)>();
        var ancestors = new List<Node>();
        var children = new List<Node>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, leaving) = stack.Pop();
            if (leaving)
            {
                ancestors.RemoveAt(ancestors.Count - 1);
                if (visitor.Leave(node, ancestors) == VisitorAction.Break) return;
                continue;
            }

            var action = visitor.Enter(node, ancestors);
            if (action == VisitorAction.Break) return;
            if (action == VisitorAction.Skip) continue;

            stack.Push((node, true));
            ancestors.Add(node);
            children.Clear();
            node.CollectChildren(children);
            // A description, when present, is always the first child.
            int first = !visitDescriptions && children.Count > 0 && ReferenceEquals(children[0], DescriptionOf(node)) ? 1 : 0;
            for (int i = children.Count - 1; i >= first; i--) stack.Push((children[i], false));
        }
    }

    private static StringValueNode? DescriptionOf(Node node) => node switch
    {
        ExecutableDefinitionNode n => n.Description,
        VariableDefinitionNode n => n.Description,
        TypeDefinitionNode n => n.Description,
        SchemaDefinitionNode n => n.Description,
        FieldDefinitionNode n => n.Description,
        InputValueDefinitionNode n => n.Description,
        EnumValueDefinitionNode n => n.Description,
        DirectiveDefinitionNode n => n.Description,
        _ => null,
    };
}

/// <summary>
/// Runs several visitors in one walk (graphql-js <c>visitInParallel</c>): each may skip a subtree or break
/// independently of the others, which is how validation runs all rules in a single pass.
/// </summary>
public sealed class ParallelVisitor : AstVisitor
{
    private readonly AstVisitor[] _visitors;

    // For visitor i: null when active, the node whose subtree it skips, or BreakMarker once it has broken.
    private readonly Node?[] _skipping;
    private static readonly Node BreakMarker = new NameNode("<break>");

    public ParallelVisitor(IReadOnlyList<AstVisitor> visitors)
    {
        _visitors = [.. visitors];
        _skipping = new Node?[_visitors.Length];
    }

    public override VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
    {
        for (int i = 0; i < _visitors.Length; i++)
        {
            if (_skipping[i] is not null) continue;
            var action = _visitors[i].Enter(node, ancestors);
            if (action == VisitorAction.Skip) _skipping[i] = node;
            else if (action == VisitorAction.Break) _skipping[i] = BreakMarker;
        }
        return VisitorAction.Continue;
    }

    public override VisitorAction Leave(Node node, IReadOnlyList<Node> ancestors)
    {
        for (int i = 0; i < _visitors.Length; i++)
        {
            var skipping = _skipping[i];
            if (skipping is null)
            {
                if (_visitors[i].Leave(node, ancestors) == VisitorAction.Break) _skipping[i] = BreakMarker;
            }
            else if (ReferenceEquals(skipping, node))
            {
                // The skipped subtree is done; the visitor resumes with the next sibling.
                _skipping[i] = null;
            }
        }
        return VisitorAction.Continue;
    }
}
