// Argument Names — https://spec.graphql.org/October2021/#sec-Argument-Names
// "Every argument provided to a field or directive must be defined in the set of possible arguments of that
// field or directive."
using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Utilities;

namespace Memento.GraphQL.Validation.Rules;

/// <summary>Every argument given to a field or directive is defined by it; suggests similar names.</summary>
public static class KnownArgumentNamesRule
{
    public static readonly ValidationRule Rule = static context => new Visitor(context);

    private sealed class Visitor : ValidationRuleVisitor
    {
        private readonly Dictionary<string, List<string>> _directiveArgs = new(StringComparer.Ordinal);

        public Visitor(ValidationContext context)
            : base(context)
        {
            foreach (var directive in context.Schema.Directives)
            {
                var names = new List<string>();
                foreach (var arg in directive.Arguments)
                {
                    names.Add(arg.Name);
                }

                _directiveArgs[directive.Name] = names;
            }

            foreach (var definition in context.Document.Definitions)
            {
                if (definition is DirectiveDefinitionNode d)
                {
                    var names = new List<string>();
                    foreach (var arg in d.Arguments)
                    {
                        names.Add(arg.Name.Value);
                    }

                    _directiveArgs[d.Name.Value] = names;
                }
            }
        }

        public override VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
        {
            switch (node)
            {
                case DirectiveNode directive:
                    if (_directiveArgs.TryGetValue(directive.Name.Value, out var known))
                    {
                        foreach (var argument in directive.Arguments)
                        {
                            var argName = argument.Name.Value;
                            if (!known.Contains(argName))
                            {
                                Report(ErrorMessages.UnknownDirectiveArgument(argName, directive.Name.Value) +
                                       Suggestions.DidYouMean(Suggestions.SuggestionList(argName, known)), argument);
                            }
                        }
                    }

                    // As graphql-js: a directive's arguments are never checked against the enclosing field.
                    return VisitorAction.Skip;
                case ArgumentNode argument:
                    var typeInfo = Context.TypeInfo;
                    if (typeInfo.Argument is null && typeInfo.FieldDef is { } fieldDef &&
                        typeInfo.ParentType is { } parentType)
                    {
                        var names = new List<string>(fieldDef.Arguments.Count);
                        foreach (var a in fieldDef.Arguments)
                        {
                            names.Add(a.Name);
                        }

                        var argName = argument.Name.Value;
                        Report(ErrorMessages.UnknownArgument(argName, parentType.Name, fieldDef.Name) +
                               Suggestions.DidYouMean(Suggestions.SuggestionList(argName, names)), argument);
                    }

                    break;
            }

            return VisitorAction.Continue;
        }
    }
}
