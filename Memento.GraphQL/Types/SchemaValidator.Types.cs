using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Utilities;

namespace Memento.GraphQL.Types;

public static partial class SchemaValidator
{
    private sealed partial class Checker
    {
        private void ValidateFields(FieldsContainer type)
        {
            if (type.Fields.Count == 0)
            {
                Report($"Type {type.Name} must define one or more fields.", type.AstNode);
            }

            foreach (var field in type.Fields)
            {
                ValidateName(field.Name, field.AstNode);
                foreach (var arg in field.Arguments)
                {
                    ValidateName(arg.Name, arg.AstNode);
                    if (arg.IsRequired && arg.IsDeprecated)
                    {
                        Report($"Required argument {type.Name}.{field.Name}({arg.Name}:) cannot be deprecated.", DeprecatedNode(arg.AstNode), TypeNodeOf(arg.AstNode));
                    }
                }
            }
        }

        private void ValidateInterfaces(FieldsContainer type)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var iface in type.Interfaces)
            {
                if (ReferenceEquals(type, iface))
                {
                    Report($"Type {type.Name} cannot implement itself because it would create a circular reference.", type.AstNode);
                    continue;
                }

                if (!seen.Add(iface.Name))
                {
                    Report($"Type {type.Name} can only implement {iface.Name} once.", type.AstNode);
                    continue;
                }

                ValidateImplementsAncestors(type, iface);
                ValidateImplementsInterface(type, iface);
            }
        }

        private void ValidateImplementsInterface(FieldsContainer type, InterfaceType iface)
        {
            foreach (var ifaceField in iface.Fields)
            {
                var fieldName = ifaceField.Name;
                var typeField = type.GetField(fieldName);
                if (typeField is null)
                {
                    Report($"Interface field {iface.Name}.{fieldName} expected but {type.Name} does not provide it.", ifaceField.AstNode, type.AstNode);
                    continue;
                }

                // Covariant: the implementation may return a subtype.
                if (!TypeComparators.IsTypeSubTypeOf(schema, typeField.Type, ifaceField.Type))
                {
                    Report($"Interface field {iface.Name}.{fieldName} expects type {ifaceField.Type} but {type.Name}.{fieldName} is type {typeField.Type}.",
                        TypeNodeOf(ifaceField.AstNode), TypeNodeOf(typeField.AstNode));
                }

                foreach (var ifaceArg in ifaceField.Arguments)
                {
                    var argName = ifaceArg.Name;
                    var typeArg = typeField.GetArgument(argName);
                    if (typeArg is null)
                    {
                        Report($"Interface field argument {iface.Name}.{fieldName}({argName}:) expected but {type.Name}.{fieldName} does not provide it.",
                            ifaceArg.AstNode, typeField.AstNode);
                        continue;
                    }

                    // Invariant, as graphql-js.
                    if (!TypeComparators.IsEqualType(ifaceArg.Type, typeArg.Type))
                    {
                        Report($"Interface field argument {iface.Name}.{fieldName}({argName}:) expects type {ifaceArg.Type} but {type.Name}.{fieldName}({argName}:) is type {typeArg.Type}.",
                            TypeNodeOf(ifaceArg.AstNode), TypeNodeOf(typeArg.AstNode));
                    }
                }

                foreach (var typeArg in typeField.Arguments)
                {
                    if (ifaceField.GetArgument(typeArg.Name) is null && typeArg.IsRequired)
                    {
                        Report($"Object field {type.Name}.{fieldName} includes required argument {typeArg.Name} that is missing from the Interface field {iface.Name}.{fieldName}.",
                            typeArg.AstNode, ifaceField.AstNode);
                    }
                }
            }
        }

        private void ValidateImplementsAncestors(FieldsContainer type, InterfaceType iface)
        {
            foreach (var transitive in iface.Interfaces)
            {
                if (!type.Interfaces.Contains(transitive))
                {
                    Report(ReferenceEquals(transitive, type)
                            ? $"Type {type.Name} cannot implement {iface.Name} because it would create a circular reference."
                            : $"Type {type.Name} must implement {transitive.Name} because it is implemented by {iface.Name}.",
                        ImplementsNode(iface, transitive), ImplementsNode(type, iface));
                }
            }
        }

        private void ValidateUnion(UnionType union)
        {
            if (union.Types.Count == 0)
            {
                Report($"Union type {union.Name} must define one or more member types.", union.AstNode);
            }
        }

        private void ValidateEnum(EnumType enumType)
        {
            if (enumType.Values.Count == 0)
            {
                Report($"Enum type {enumType.Name} must define one or more values.", enumType.AstNode);
            }

            foreach (var value in enumType.Values)
            {
                if (value.Name is "true" or "false" or "null")
                {
                    Report($"Enum values cannot be named: {value.Name}", value.AstNode);
                    continue;
                }

                ValidateName(value.Name, value.AstNode);
            }
        }

        private void ValidateInputFields(InputObjectType input)
        {
            if (input.Fields.Count == 0)
            {
                Report($"Input Object type {input.Name} must define one or more fields.", input.AstNode);
            }

            foreach (var field in input.Fields)
            {
                ValidateName(field.Name, field.AstNode);
                if (field.IsRequired && field.IsDeprecated)
                {
                    Report($"Required input field {input.Name}.{field.Name} cannot be deprecated.", DeprecatedNode(field.AstNode), TypeNodeOf(field.AstNode));
                }

                if (input.IsOneOf)
                {
                    if (field.Type is NonNullType)
                    {
                        Report($"OneOf input field {input.Name}.{field.Name} must be nullable.", TypeNodeOf(field.AstNode));
                    }

                    if (field.HasDefaultValue)
                    {
                        Report($"OneOf input field {input.Name}.{field.Name} cannot have a default value.", field.AstNode);
                    }
                }
            }
        }

        /// <summary>Finds input objects that contain themselves through non-null fields (they could never be written).</summary>
        private sealed class InputCycleDetector(Checker checker)
        {
            private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
            private readonly List<InputFieldDefinition> _fieldPath = new();
            private readonly Dictionary<string, int> _indexByTypeName = new(StringComparer.Ordinal);

            public void Detect(InputObjectType input)
            {
                if (!_visited.Add(input.Name))
                {
                    return;
                }

                _indexByTypeName[input.Name] = _fieldPath.Count;
                foreach (var field in input.Fields)
                {
                    if (field.Type is NonNullType { OfType: InputObjectType fieldType })
                    {
                        _fieldPath.Add(field);
                        if (!_indexByTypeName.TryGetValue(fieldType.Name, out var cycleIndex))
                        {
                            Detect(fieldType);
                        }
                        else
                        {
                            var cyclePath = _fieldPath.GetRange(cycleIndex, _fieldPath.Count - cycleIndex);
                            checker.Report(
                                $"Cannot reference Input Object \"{fieldType.Name}\" within itself through a series of non-null fields: \"{string.Join(".", cyclePath.Select(f => f.Name))}\".",
                                cyclePath.Select(f => f.AstNode).ToArray());
                        }

                        _fieldPath.RemoveAt(_fieldPath.Count - 1);
                    }
                }

                _indexByTypeName.Remove(input.Name);
            }
        }
    }
}
