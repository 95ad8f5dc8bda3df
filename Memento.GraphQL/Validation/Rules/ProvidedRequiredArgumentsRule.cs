// Required Arguments — https://spec.graphql.org/October2021/#sec-Required-Arguments
// "Arguments can be required. An argument is required if the argument type is non-null and does not have a
// default value. Otherwise, the argument is optional."
using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Utilities;

namespace Memento.GraphQL.Validation.Rules;

/// <summary>Every required argument of a field or directive is given.</summary>
public static class ProvidedRequiredArgumentsRule
{
    public static readonly ValidationRule Rule = static context => new Visitor(context);

    private sealed class Visitor : ValidationRuleVisitor
    {
        // Per directive: (argument name, printed type) of required arguments.
        private readonly Dictionary<string, List<(string Name, string Type)>> _required = new(StringComparer.Ordinal);

        public Visitor(ValidationContext context)
            : base(context)
        {
            foreach (var directive in context.Schema.Directives)
            {
                var list = new List<(string, string)>();
                foreach (var arg in directive.Arguments)
                {
                    if (arg.IsRequired)
                    {
                        list.Add((arg.Name, arg.Type.ToString()));
                    }
                }

                _required[directive.Name] = list;
            }

            foreach (var definition in context.Document.Definitions)
            {
                if (definition is DirectiveDefinitionNode d)
                {
                    var list = new List<(string, string)>();
                    foreach (var arg in d.Arguments)
                    {
                        if (arg.Type is NonNullTypeNode && arg.DefaultValue is null)
                        {
                            list.Add((arg.Name.Value, ValuePrinter.PrintType(arg.Type)));
                        }
                    }

                    _required[d.Name.Value] = list;
                }
            }
        }

        // On leave, as graphql-js, so that errors deeper in the field come first.
        public override VisitorAction Leave(Node node, IReadOnlyList<Node> ancestors)
        {
            switch (node)
            {
                case FieldNode field:
                    if (Context.TypeInfo.FieldDef is not { } fieldDef)
                    {
                        break;
                    }

                    foreach (var argDef in fieldDef.Arguments)
                    {
                        if (argDef.IsRequired && !IsProvided(field.Arguments, argDef.Name))
                        {
                            Report(ErrorMessages.MissingFieldArgument(fieldDef.Name, argDef.Name, argDef.Type.ToString()), field);
                        }
                    }

                    break;
                case DirectiveNode directive:
                    if (!_required.TryGetValue(directive.Name.Value, out var required))
                    {
                        break;
                    }

                    foreach (var (name, type) in required)
                    {
                        if (!IsProvided(directive.Arguments, name))
                        {
                            Report(ErrorMessages.MissingDirectiveArgument(directive.Name.Value, name, type), directive);
                        }
                    }

                    break;
            }

            return VisitorAction.Continue;
        }

        private static bool IsProvided(IReadOnlyList<ArgumentNode> arguments, string name)
        {
            foreach (var argument in arguments)
            {
                if (argument.Name.Value == name)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
