using Memento.GraphQL.Errors;
using Memento.GraphQL.Language;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;
using ListType = Memento.GraphQL.Types.ListType;
using NonNullType = Memento.GraphQL.Types.NonNullType;

namespace Memento.GraphQL.Utilities;

public static partial class SchemaBuilder
{
    /// <summary>One build: named types are created first as shells, then filled, so definitions may refer to each other in any order.</summary>
    private sealed class Builder(DocumentNode document)
    {
        private readonly Dictionary<string, NamedType> _types = new(StringComparer.Ordinal);
        private readonly List<NamedType> _order = new();
        private readonly Dictionary<string, List<TypeExtensionNode>> _extensions = new(StringComparer.Ordinal);
        private readonly Dictionary<string, DirectiveDefinition> _directives = new(StringComparer.Ordinal);

        public GraphQLSchema Build()
        {
            SchemaDefinitionNode? schemaDef = null;
            var schemaExtensions = new List<SchemaExtensionNode>();
            var typeDefs = new List<TypeDefinitionNode>();
            var directiveDefs = new List<DirectiveDefinitionNode>();
            foreach (var definition in document.Definitions)
            {
                switch (definition)
                {
                    case SchemaDefinitionNode s:
                        schemaDef = s;
                        break;
                    case SchemaExtensionNode se:
                        schemaExtensions.Add(se);
                        break;
                    case TypeDefinitionNode t:
                        typeDefs.Add(t);
                        break;
                    case TypeExtensionNode e:
                        if (!_extensions.TryGetValue(e.Name.Value, out var list))
                        {
                            _extensions[e.Name.Value] = list = new List<TypeExtensionNode>();
                        }

                        list.Add(e);
                        break;
                    case DirectiveDefinitionNode d:
                        directiveDefs.Add(d);
                        break;
                }
            }

            foreach (var def in typeDefs)
            {
                var name = def.Name.Value;
                if (_types.ContainsKey(name))
                {
                    throw new GraphQLError($"There can be only one type named \"{name}\".", def.Name);
                }

                var type = StandardType(name) ?? CreateShell(def);
                _types[name] = type;
                _order.Add(type);
            }

            foreach (var name in _extensions.Keys)
            {
                if (!_types.ContainsKey(name) && StandardType(name) is null)
                {
                    throw new GraphQLError($"Cannot extend type \"{name}\" because it is not defined.", _extensions[name][0].Name);
                }
            }

            foreach (var def in directiveDefs)
            {
                _directives[def.Name.Value] = CreateDirective(def);
            }

            foreach (var def in typeDefs)
            {
                if (_types[def.Name.Value] is { } type && !IsStandard(type))
                {
                    Fill(type, def);
                }
            }

            var directives = new List<DirectiveDefinition>(_directives.Values);
            foreach (var specified in SpecifiedDirectives.All)
            {
                if (!_directives.ContainsKey(specified.Name))
                {
                    directives.Add(specified);
                }
            }

            var (query, mutation, subscription) = RootTypes(schemaDef, schemaExtensions);
            return new GraphQLSchema(query, mutation, subscription, _order, directives, schemaDef?.Description?.Value)
            {
                AstNode = schemaDef,
                ExtensionAstNodes = schemaExtensions,
            };
        }

        private (ObjectType?, ObjectType?, ObjectType?) RootTypes(SchemaDefinitionNode? schemaDef, List<SchemaExtensionNode> extensions)
        {
            var operationTypes = new List<OperationTypeDefinitionNode>();
            if (schemaDef is not null)
            {
                operationTypes.AddRange(schemaDef.OperationTypes);
            }

            foreach (var extension in extensions)
            {
                operationTypes.AddRange(extension.OperationTypes);
            }

            if (schemaDef is null && operationTypes.Count == 0)
            {
                return (_types.GetValueOrDefault("Query") as ObjectType, _types.GetValueOrDefault("Mutation") as ObjectType,
                    _types.GetValueOrDefault("Subscription") as ObjectType);
            }

            ObjectType? query = null, mutation = null, subscription = null;
            foreach (var op in operationTypes)
            {
                var type = GetNamed(op.Type) as ObjectType;
                switch (op.Operation)
                {
                    case OperationType.Query: query = type; break;
                    case OperationType.Mutation: mutation = type; break;
                    default: subscription = type; break;
                }
            }

            return (query, mutation, subscription);
        }

        private static NamedType? StandardType(string name)
        {
            foreach (var scalar in ScalarType.SpecifiedScalars)
            {
                if (scalar.Name == name)
                {
                    return scalar;
                }
            }

            foreach (var type in Introspection.IntrospectionTypes.All)
            {
                if (type.Name == name)
                {
                    return type;
                }
            }

            return null;
        }

        private static bool IsStandard(NamedType type) => StandardType(type.Name) is not null;

        private static NamedType CreateShell(TypeDefinitionNode def)
        {
            var description = def.Description?.Value;
            var name = def.Name.Value;
            return def switch
            {
                ObjectTypeDefinitionNode => new ObjectType(name, description) { AstNode = def },
                InterfaceTypeDefinitionNode => new InterfaceType(name, description) { AstNode = def },
                UnionTypeDefinitionNode => new UnionType(name, description) { AstNode = def },
                EnumTypeDefinitionNode => new EnumType(name, description) { AstNode = def },
                InputObjectTypeDefinitionNode => new InputObjectType(name, description) { AstNode = def },
                _ => new ScalarType(name, description) { AstNode = def },
            };
        }

        private IEnumerable<T> Extensions<T>(string name) where T : TypeExtensionNode =>
            _extensions.TryGetValue(name, out var list) ? list.OfType<T>() : Enumerable.Empty<T>();

        private void Fill(NamedType type, TypeDefinitionNode def)
        {
            switch (type, def)
            {
                case (ObjectType o, ObjectTypeDefinitionNode d):
                    FillFields(o, d.Interfaces, d.Fields);
                    foreach (var e in Extensions<ObjectTypeExtensionNode>(o.Name))
                    {
                        FillFields(o, e.Interfaces, e.Fields);
                    }

                    break;
                case (InterfaceType i, InterfaceTypeDefinitionNode d):
                    FillFields(i, d.Interfaces, d.Fields);
                    foreach (var e in Extensions<InterfaceTypeExtensionNode>(i.Name))
                    {
                        FillFields(i, e.Interfaces, e.Fields);
                    }

                    break;
                case (UnionType u, UnionTypeDefinitionNode d):
                    var members = new List<NamedTypeNode>(d.Types);
                    foreach (var e in Extensions<UnionTypeExtensionNode>(u.Name))
                    {
                        members.AddRange(e.Types);
                    }

                    foreach (var member in members)
                    {
                        u.AddType(GetNamed(member) as ObjectType ??
                                  throw new GraphQLError($"Union type {u.Name} can only include Object types, it cannot include {member.Name.Value}.", member));
                    }

                    break;
                case (EnumType en, EnumTypeDefinitionNode d):
                    var values = new List<EnumValueDefinitionNode>(d.Values);
                    foreach (var e in Extensions<EnumTypeExtensionNode>(en.Name))
                    {
                        values.AddRange(e.Values);
                    }

                    foreach (var v in values)
                    {
                        en.AddValue(new EnumValueDefinition(v.Name.Value, v.Name.Value, v.Description?.Value)
                        {
                            DeprecationReason = DeprecationReason(v.Directives),
                            AstNode = v,
                        });
                    }

                    break;
                case (InputObjectType io, InputObjectTypeDefinitionNode d):
                    var fields = new List<InputValueDefinitionNode>(d.Fields);
                    var directives = new List<DirectiveNode>(d.Directives);
                    foreach (var e in Extensions<InputObjectTypeExtensionNode>(io.Name))
                    {
                        fields.AddRange(e.Fields);
                        directives.AddRange(e.Directives);
                    }

                    io.IsOneOf = HasDirective(directives, "oneOf");
                    foreach (var f in fields)
                    {
                        io.AddField(FillInputValue(new InputFieldDefinition(f.Name.Value, InputType(f.Type), f.Description?.Value), f));
                    }

                    break;
                case (ScalarType s, ScalarTypeDefinitionNode d):
                    var scalarDirectives = new List<DirectiveNode>(d.Directives);
                    foreach (var e in Extensions<ScalarTypeExtensionNode>(s.Name))
                    {
                        scalarDirectives.AddRange(e.Directives);
                    }

                    s.SpecifiedByUrl = StringArgument(scalarDirectives, "specifiedBy", "url");
                    break;
            }
        }

        private void FillFields(FieldsContainer type, IReadOnlyList<NamedTypeNode> interfaces, IReadOnlyList<FieldDefinitionNode> fields)
        {
            foreach (var i in interfaces)
            {
                type.AddInterface(GetNamed(i) as InterfaceType ??
                                  throw new GraphQLError($"Type {type.Name} must only implement Interface types, it cannot implement {i.Name.Value}.", i));
            }

            foreach (var f in fields)
            {
                var fieldType = GetType(f.Type);
                if (!fieldType.IsOutputType)
                {
                    throw new GraphQLError($"The type of {type.Name}.{f.Name.Value} must be Output Type but got: {fieldType}.", f.Type);
                }

                var field = new FieldDefinition(f.Name.Value, fieldType, null, f.Description?.Value)
                {
                    DeprecationReason = DeprecationReason(f.Directives),
                    AstNode = f,
                };
                foreach (var a in f.Arguments)
                {
                    field.AddArgument(FillInputValue(new ArgumentDefinition(a.Name.Value, InputType(a.Type), a.Description?.Value), a));
                }

                type.AddField(field);
            }
        }

        private T FillInputValue<T>(T value, InputValueDefinitionNode node) where T : InputValueDefinition
        {
            value.AstNode = node;
            value.DeprecationReason = DeprecationReason(node.Directives);
            if (node.DefaultValue is { } literal)
            {
                value.DefaultValueLiteral = literal;
                value.DefaultValue = ValueFromAst.TryCoerce(literal, value.Type, null, out var coerced) ? coerced : ValueFromAst.Untyped(literal);
            }

            return value;
        }

        private DirectiveDefinition CreateDirective(DirectiveDefinitionNode def)
        {
            var locations = new List<DirectiveLocation>();
            foreach (var l in def.Locations)
            {
                if (!DirectiveLocations.TryParse(l.Value, out var location))
                {
                    throw new GraphQLError($"Unexpected directive location \"{l.Value}\".", l);
                }

                locations.Add(location);
            }

            var directive = new DirectiveDefinition(def.Name.Value, locations, def.Description?.Value, def.Repeatable) { AstNode = def };
            foreach (var a in def.Arguments)
            {
                directive.AddArgument(FillInputValue(new ArgumentDefinition(a.Name.Value, InputType(a.Type), a.Description?.Value), a));
            }

            return directive;
        }

        private GraphQLType InputType(TypeNode node)
        {
            var type = GetType(node);
            if (!type.IsInputType)
            {
                throw new GraphQLError($"The type {type} must be Input Type.", node);
            }

            return type;
        }

        private GraphQLType GetType(TypeNode node) => node switch
        {
            ListTypeNode l => new ListType(GetType(l.Type)),
            NonNullTypeNode n => new NonNullType(GetType(n.Type)),
            _ => GetNamed((NamedTypeNode)node),
        };

        private NamedType GetNamed(NamedTypeNode node)
        {
            var name = node.Name.Value;
            return _types.GetValueOrDefault(name) ?? StandardType(name) ??
                throw new GraphQLError($"Unknown type \"{name}\".", node);
        }

        private static string? DeprecationReason(IReadOnlyList<DirectiveNode> directives)
        {
            if (!HasDirective(directives, "deprecated"))
            {
                return null;
            }

            return StringArgument(directives, "deprecated", "reason") ?? Deprecation.DefaultReason;
        }

        private static bool HasDirective(IReadOnlyList<DirectiveNode> directives, string name)
        {
            foreach (var d in directives)
            {
                if (d.Name.Value == name)
                {
                    return true;
                }
            }

            return false;
        }

        private static string? StringArgument(IReadOnlyList<DirectiveNode> directives, string directive, string argument)
        {
            foreach (var d in directives)
            {
                if (d.Name.Value != directive)
                {
                    continue;
                }

                foreach (var a in d.Arguments)
                {
                    if (a.Name.Value == argument && a.Value is StringValueNode s)
                    {
                        return s.Value;
                    }
                }
            }

            return null;
        }
    }
}
