using Memento.GraphQL.Errors;
using Memento.GraphQL.Introspection;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Utilities;

namespace Memento.GraphQL.Types;

/// <summary>
/// Checks a schema against the type system rules of the specification (graphql-js validateSchema, same
/// messages): root types, names, fields and arguments, interfaces correctly implemented, unions and enums not
/// empty, input objects without non-null cycles, @oneOf fields nullable without defaults.
/// https://spec.graphql.org/October2021/#sec-Schema
/// </summary>
public static partial class SchemaValidator
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<GraphQLSchema, IReadOnlyList<GraphQLError>> Cache = new();

    /// <summary>The schema's problems; empty when it is valid. Computed once per schema.</summary>
    public static IReadOnlyList<GraphQLError> Validate(GraphQLSchema schema) =>
        Cache.GetValue(schema, static s => new Checker(s).Run());

    /// <summary>Throws when the schema is invalid, with every problem in the message (graphql-js assertValidSchema).</summary>
    public static void AssertValid(GraphQLSchema schema)
    {
        var errors = Validate(schema);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException(string.Join("\n\n", errors.Select(e => e.Message)));
        }
    }

    private sealed partial class Checker(GraphQLSchema schema)
    {
        private readonly List<GraphQLError> _errors = new();

        public IReadOnlyList<GraphQLError> Run()
        {
            foreach (var message in schema.ConstructionErrors)
            {
                _errors.Add(new GraphQLError(message));
            }

            ValidateRootTypes();
            ValidateDirectives();
            ValidateTypes();
            return _errors;
        }

        private void Report(string message, params object?[] nodes)
        {
            var list = new List<Node>();
            foreach (var n in nodes)
            {
                if (n is Node node)
                {
                    list.Add(node);
                }
            }

            _errors.Add(new GraphQLError(message, list));
        }

        private void ValidateRootTypes()
        {
            if (schema.QueryType is null)
            {
                Report("Query root type must be provided.", schema.AstNode);
            }
        }

        private void ValidateDirectives()
        {
            foreach (var directive in schema.Directives)
            {
                ValidateName(directive.Name, directive.AstNode);
                if (directive.Locations.Count == 0)
                {
                    Report($"Directive @{directive.Name} must include 1 or more locations.", directive.AstNode);
                }

                foreach (var arg in directive.Arguments)
                {
                    ValidateName(arg.Name, arg.AstNode);
                    if (arg.IsRequired && arg.IsDeprecated)
                    {
                        Report($"Required argument @{directive.Name}({arg.Name}:) cannot be deprecated.", DeprecatedNode(arg.AstNode), TypeNodeOf(arg.AstNode));
                    }
                }
            }
        }

        private void ValidateName(string name, object? node)
        {
            if (name.StartsWith("__", StringComparison.Ordinal))
            {
                Report($"Name \"{name}\" must not begin with \"__\", which is reserved by GraphQL introspection.", node);
                return;
            }

            if (name.Length == 0)
            {
                Report("Expected name to be a non-empty string.", node);
                return;
            }

            foreach (var c in name)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
                {
                    Report($"Names must only contain [_a-zA-Z0-9] but \"{name}\" does not.", node);
                    return;
                }
            }

            if (char.IsAsciiDigit(name[0]))
            {
                Report($"Names must start with [_a-zA-Z] but \"{name}\" does not.", node);
            }
        }

        private void ValidateTypes()
        {
            var cycles = new InputCycleDetector(this);
            foreach (var type in schema.Types)
            {
                if (IntrospectionTypes.IsIntrospectionType(type))
                {
                    continue;
                }

                ValidateName(type.Name, AstOf(type));
                switch (type)
                {
                    case FieldsContainer container:
                        ValidateFields(container);
                        ValidateInterfaces(container);
                        break;
                    case UnionType union:
                        ValidateUnion(union);
                        break;
                    case EnumType enumType:
                        ValidateEnum(enumType);
                        break;
                    case InputObjectType input:
                        ValidateInputFields(input);
                        cycles.Detect(input);
                        break;
                }
            }
        }

        // The parts of definitions graphql-js points at, so locations match the reference.
        private static object? TypeNodeOf(object? node) => node switch
        {
            InputValueDefinitionNode i => i.Type,
            FieldDefinitionNode f => f.Type,
            _ => null,
        };

        private static object? DeprecatedNode(object? node) =>
            (node as IHasDirectives)?.Directives.FirstOrDefault(d => d.Name.Value == "deprecated");

        /// <summary>The "implements X" references to iface in the type's definition.</summary>
        private static object? ImplementsNode(FieldsContainer type, InterfaceType iface)
        {
            var interfaces = type.AstNode switch
            {
                ObjectTypeDefinitionNode o => o.Interfaces,
                InterfaceTypeDefinitionNode i => i.Interfaces,
                _ => null,
            };
            return interfaces?.FirstOrDefault(n => n.Name.Value == iface.Name);
        }

        private static object? AstOf(NamedType type) => type switch
        {
            FieldsContainer c => c.AstNode,
            UnionType u => u.AstNode,
            EnumType e => e.AstNode,
            InputObjectType i => i.AstNode,
            ScalarType s => s.AstNode,
            _ => null,
        };
    }
}
