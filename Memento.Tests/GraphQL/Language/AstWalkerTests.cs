// The enter/leave walker used by validation (graphql-js visit / visitInParallel).
namespace Memento.Tests.GraphQL.Language;

using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;

public class AstWalkerTests
{
    private sealed class Recorder(Func<Node, VisitorAction>? onEnter = null) : AstVisitor
    {
        public List<string> Events { get; } = [];

        public override VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
        {
            Events.Add("enter " + Describe(node) + " depth " + ancestors.Count);
            return onEnter?.Invoke(node) ?? VisitorAction.Continue;
        }

        public override VisitorAction Leave(Node node, IReadOnlyList<Node> ancestors)
        {
            Events.Add("leave " + Describe(node));
            return VisitorAction.Continue;
        }

        private static string Describe(Node node) => node is NameNode n ? "Name " + n.Value : node.Kind.ToString();
    }

    [Fact]
    public void Visits_in_document_order_with_ancestors()
    {
        var recorder = new Recorder();
        AstWalker.Walk(Parser.Parse("{ a(x: 1) }"), recorder);
        Assert.Equal(
        [
            "enter Document depth 0", "enter OperationDefinition depth 1", "enter SelectionSet depth 2",
            "enter Field depth 3", "enter Name a depth 4", "leave Name a", "enter Argument depth 4",
            "enter Name x depth 5", "leave Name x", "enter IntValue depth 5", "leave IntValue", "leave Argument",
            "leave Field", "leave SelectionSet", "leave OperationDefinition", "leave Document",
        ], recorder.Events);
    }

    [Fact]
    public void Skip_leaves_out_the_subtree_and_its_leave_and_Break_stops()
    {
        var skipper = new Recorder(n => n.Kind == NodeKind.Field ? VisitorAction.Skip : VisitorAction.Continue);
        AstWalker.Walk(Parser.Parse("{ a { b } c }"), skipper);
        Assert.DoesNotContain(skipper.Events, e => e.Contains("Name"));
        Assert.DoesNotContain("leave Field", skipper.Events);
        Assert.Equal(2, skipper.Events.Count(e => e.StartsWith("enter Field")));

        var breaker = new Recorder(n => n.Kind == NodeKind.Field ? VisitorAction.Break : VisitorAction.Continue);
        AstWalker.Walk(Parser.Parse("{ a { b } c }"), breaker);
        Assert.Equal("enter Field depth 3", breaker.Events[^1]);
    }

    [Fact]
    public void Parallel_visitors_skip_independently()
    {
        var skipper = new Recorder(n => n.Kind == NodeKind.SelectionSet ? VisitorAction.Skip : VisitorAction.Continue);
        var full = new Recorder();
        AstWalker.Walk(Parser.Parse("query Q { a }"), new ParallelVisitor([skipper, full]));
        Assert.DoesNotContain(skipper.Events, e => e.Contains("Field"));
        Assert.Contains("enter Field depth 3", full.Events);
        Assert.Equal("leave Document", skipper.Events[^1]);
        Assert.Equal("leave Document", full.Events[^1]);
    }

    [Fact]
    public void Descriptions_can_be_left_out_as_validation_requires()
    {
        var document = Parser.Parse("\"op\" query Q(\"var\" $a: Int) { a } \"t\" type T { \"f\" f(\"arg\" a: Int): Int }");
        var all = new Recorder();
        AstWalker.Walk(document, all);
        Assert.Equal(5, all.Events.Count(e => e.StartsWith("enter StringValue")));
        var withoutDescriptions = new Recorder();
        AstWalker.Walk(document, withoutDescriptions, visitDescriptions: false);
        Assert.DoesNotContain(withoutDescriptions.Events, e => e.Contains("StringValue"));
        Assert.Equal(3, withoutDescriptions.Events.Count(e => e == "enter Name a depth 4")); // variable, field, argument
    }
}
