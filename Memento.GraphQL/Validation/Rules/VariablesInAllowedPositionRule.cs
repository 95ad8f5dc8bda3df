// All Variable Usages Are Allowed — https://spec.graphql.org/October2021/#sec-All-Variable-Usages-are-Allowed
// "Variable usages must be compatible with the arguments they are passed to."
using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;
using Memento.GraphQL.Utilities;

namespace Memento.GraphQL.Validation.Rules;

/// <summary>Each variable is used only where its type fits (a nullable variable with a default may fill a non-null slot).</summary>
public static class VariablesInAllowedPositionRule
{
    public static readonly ValidationRule Rule = static context => new Visitor(context);

    private sealed class Visitor(ValidationContext context) : ValidationRuleVisitor(context)
    {
        private readonly Dictionary<string, VariableDefinitionNode> _definitions = new(StringComparer.Ordinal);

        public override VisitorAction Enter(Node node, IReadOnlyList<Node> ancestors)
        {
            switch (node)
            {
                case OperationDefinitionNode:
                    _definitions.Clear();
                    break;
                case VariableDefinitionNode definition:
                    _definitions[definition.Variable.Name.Value] = definition;
                    break;
            }

            return VisitorAction.Continue;
        }

        public override VisitorAction Leave(Node node, IReadOnlyList<Node> ancestors)
        {
            if (node is not OperationDefinitionNode operation)
            {
                return VisitorAction.Continue;
            }

            var schema = Context.Schema;
            foreach (var usage in Context.GetRecursiveVariableUsages(operation))
            {
                var name = usage.Node.Name.Value;
                if (!_definitions.TryGetValue(name, out var definition) || usage.Type is null)
                {
                    continue;
                }

                var varType = TypeComparators.TypeFromAst(schema, definition.Type);
                if (varType is null)
                {
                    continue;
                }

                if (!AllowedVariableUsage(schema, varType, definition.DefaultValue, usage.Type, usage.HasDefaultValue))
                {
                    Report(ErrorMessages.BadVariablePosition(name, varType.ToString(), usage.Type.ToString()), definition, usage.Node);
                }

                if (usage.ParentType is InputObjectType { IsOneOf: true } parent && varType is not NonNullType)
                {
                    Report(ErrorMessages.OneOfNullableVariable(name, varType.ToString(), parent.Name), definition, usage.Node);
                }
            }

            return VisitorAction.Continue;
        }

        private static bool AllowedVariableUsage(GraphQLSchema schema, GraphQLType varType, ValueNode? varDefault, GraphQLType locationType, bool locationHasDefault)
        {
            if (locationType is NonNullType nonNullLocation && varType is not NonNullType)
            {
                var hasNonNullVariableDefault = varDefault is not null and not NullValueNode;
                if (!hasNonNullVariableDefault && !locationHasDefault)
                {
                    return false;
                }

                return TypeComparators.IsTypeSubTypeOf(schema, varType, nonNullLocation.OfType);
            }

            return TypeComparators.IsTypeSubTypeOf(schema, varType, locationType);
        }
    }
}
