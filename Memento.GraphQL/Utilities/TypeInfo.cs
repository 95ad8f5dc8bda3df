using Memento.GraphQL.Introspection;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;
using ListType = Memento.GraphQL.Types.ListType;

namespace Memento.GraphQL.Utilities;

/// <summary>
/// Tracks, during a walk of a document, the schema types at the current position (graphql-js TypeInfo): the output
/// type, the parent composite type, the input type, the field, directive and argument definitions. Call
/// <see cref="Enter"/> before and <see cref="Leave"/> after the visitors of a node.
/// </summary>
public sealed class TypeInfo
{
    private readonly GraphQLSchema _schema;
    private readonly List<GraphQLType?> _typeStack = new();
    private readonly List<NamedType?> _parentTypeStack = new();
    private readonly List<GraphQLType?> _inputTypeStack = new();
    private readonly List<FieldDefinition?> _fieldDefStack = new();
    private readonly List<bool> _defaultValueStack = new();

    public TypeInfo(GraphQLSchema schema) => _schema = schema;

    /// <summary>The output type at the current position (the field's type inside a field).</summary>
    public GraphQLType? Type => Peek(_typeStack);

    /// <summary>The composite type whose selection set holds the current position.</summary>
    public NamedType? ParentType => Peek(_parentTypeStack);

    /// <summary>The input type expected at the current value position.</summary>
    public GraphQLType? InputType => Peek(_inputTypeStack);

    /// <summary>The input type of the enclosing value (the list or input object holding the current value).</summary>
    public GraphQLType? ParentInputType => _inputTypeStack.Count >= 2 ? _inputTypeStack[^2] : null;

    public FieldDefinition? FieldDef => Peek(_fieldDefStack);

    /// <summary>Whether the argument or input field at the current position has a default value.</summary>
    public bool HasDefaultValue => _defaultValueStack.Count > 0 && _defaultValueStack[^1];

    public DirectiveDefinition? Directive { get; private set; }

    public ArgumentDefinition? Argument { get; private set; }

    public EnumValueDefinition? EnumValue { get; private set; }

    public void Enter(Node node)
    {
        switch (node)
        {
            case SelectionSetNode:
            {
                var named = Type?.GetNamedType();
                _parentTypeStack.Add(named.IsCompositeType() ? named : null);
                break;
            }

            case FieldNode field:
            {
                var parent = ParentType;
                var fieldDef = parent is null ? null : GetFieldDef(_schema, parent, field.Name.Value);
                _fieldDefStack.Add(fieldDef);
                _typeStack.Add(fieldDef?.Type);
                break;
            }

            case DirectiveNode directive:
                Directive = _schema.GetDirective(directive.Name.Value);
                break;
            case OperationDefinitionNode operation:
                _typeStack.Add(_schema.GetRootType(operation.Operation switch
                {
                    OperationType.Query => "query",
                    OperationType.Mutation => "mutation",
                    _ => "subscription",
                }));
                break;
            case InlineFragmentNode inline:
            {
                var type = inline.TypeCondition is { } tc ? TypeComparators.TypeFromAst(_schema, tc) : Type?.GetNamedType();
                _typeStack.Add(type is { IsOutputType: true } ? type : null);
                break;
            }

            case FragmentDefinitionNode fragment:
            {
                var type = TypeComparators.TypeFromAst(_schema, fragment.TypeCondition);
                _typeStack.Add(type is { IsOutputType: true } ? type : null);
                break;
            }

            case VariableDefinitionNode variable:
            {
                var type = TypeComparators.TypeFromAst(_schema, variable.Type);
                _inputTypeStack.Add(type is { IsInputType: true } ? type : null);
                break;
            }

            case ArgumentNode argument:
            {
                ArgumentDefinition? argDef = null;
                if (Directive is { } d)
                {
                    argDef = d.GetArgument(argument.Name.Value);
                }
                else if (FieldDef is { } f)
                {
                    argDef = f.GetArgument(argument.Name.Value);
                }

                Argument = argDef;
                _defaultValueStack.Add(argDef is { HasDefaultValue: true });
                _inputTypeStack.Add(argDef?.Type);
                break;
            }

            case ListValueNode:
            {
                var listType = InputType?.Nullable;
                var itemType = listType is ListType l ? l.OfType : listType;
                _defaultValueStack.Add(false);
                _inputTypeStack.Add(itemType);
                break;
            }

            case ObjectFieldNode objectField:
            {
                InputFieldDefinition? inputField = null;
                if (InputType?.GetNamedType() is InputObjectType objectType)
                {
                    inputField = objectType.GetField(objectField.Name.Value);
                }

                _defaultValueStack.Add(inputField is { HasDefaultValue: true });
                _inputTypeStack.Add(inputField?.Type);
                break;
            }

            case EnumValueNode enumValue:
                EnumValue = InputType?.GetNamedType() is EnumType enumType ? enumType.GetValue(enumValue.Value) : null;
                break;
        }
    }

    public void Leave(Node node)
    {
        switch (node.Kind)
        {
            case NodeKind.SelectionSet:
                Pop(_parentTypeStack);
                break;
            case NodeKind.Field:
                Pop(_fieldDefStack);
                Pop(_typeStack);
                break;
            case NodeKind.Directive:
                Directive = null;
                break;
            case NodeKind.OperationDefinition:
            case NodeKind.InlineFragment:
            case NodeKind.FragmentDefinition:
                Pop(_typeStack);
                break;
            case NodeKind.VariableDefinition:
                Pop(_inputTypeStack);
                break;
            case NodeKind.Argument:
                Argument = null;
                Pop(_defaultValueStack);
                Pop(_inputTypeStack);
                break;
            case NodeKind.ListValue:
            case NodeKind.ObjectField:
                Pop(_defaultValueStack);
                Pop(_inputTypeStack);
                break;
            case NodeKind.EnumValue:
                EnumValue = null;
                break;
        }
    }

    /// <summary>
    /// The definition of a field on a composite type, including the meta fields (__typename everywhere, __schema
    /// and __type on the query root), as graphql-js getFieldDef.
    /// </summary>
    public static FieldDefinition? GetFieldDef(GraphQLSchema schema, NamedType parentType, string fieldName)
    {
        if (fieldName.Length > 2 && fieldName[0] == '_' && fieldName[1] == '_')
        {
            if (fieldName == "__typename" && parentType.IsCompositeType())
            {
                return IntrospectionTypes.TypeNameMetaField;
            }

            if (ReferenceEquals(parentType, schema.QueryType))
            {
                if (fieldName == "__schema")
                {
                    return IntrospectionTypes.SchemaMetaField;
                }

                if (fieldName == "__type")
                {
                    return IntrospectionTypes.TypeMetaField;
                }
            }
        }

        return parentType is FieldsContainer container ? container.GetField(fieldName) : null;
    }

    private static T? Peek<T>(List<T?> stack) where T : class => stack.Count > 0 ? stack[^1] : null;

    private static void Pop<T>(List<T> stack)
    {
        if (stack.Count > 0)
        {
            stack.RemoveAt(stack.Count - 1);
        }
    }
}
