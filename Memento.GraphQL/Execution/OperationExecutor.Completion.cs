using System.Collections;
using Memento.GraphQL.Errors;
using Memento.GraphQL.Types;

namespace Memento.GraphQL.Execution;

// Spec 6.4.3 CompleteValue: non-null checks, lists, leaves, objects and abstract types.
internal sealed partial class OperationExecutor
{
    private void Complete(GraphQLType type, object? value, ResultNode parent, int slot, CollectedField field, ObjectType parentType)
    {
        var nonNull = false;
        if (type is NonNullType wrapper)
        {
            nonNull = true;
            type = wrapper.OfType;
        }
        if (value is null)
        {
            if (nonNull) RaiseNonNull(parent, slot, field, parentType);
            else parent.SetSlot(slot, null);
            return;
        }
        switch (type)
        {
            case ScalarType scalar:
                CompleteLeaf(scalar, value, parent, slot, nonNull, field, parentType);
                break;
            case EnumType enumType:
                CompleteLeaf(enumType, value, parent, slot, nonNull, field, parentType);
                break;
            case ListType list:
                CompleteList(list, value, parent, slot, nonNull, field, parentType);
                break;
            case ObjectType objectType:
                CompleteObject(objectType, value, parent, slot, nonNull, field);
                break;
            default:
                CompleteAbstract((NamedType)type, value, parent, slot, nonNull, field, parentType);
                break;
        }
    }

    private void RaiseNonNull(ResultNode parent, int slot, CollectedField field, ObjectType parentType)
    {
        var error = new GraphQLError(ErrorMessages.NonNullFieldReturnedNull(parentType.Name, field.Definition!.Name),
            field.Nodes, PathOf(parent, slot));
        RaiseError(error, parent, slot, nonNull: true);
    }

    private void CompleteLeaf(NamedType type, object value, ResultNode parent, int slot, bool nonNull, CollectedField field, ObjectType parentType)
    {
        object? serialized;
        try
        {
            serialized = type is ScalarType scalar ? scalar.Serialize(value) : ((EnumType)type).Serialize(value);
        }
        catch (Exception exception)
        {
            RaiseError(LocatedError(exception, field, parent, slot), parent, slot, nonNull);
            return;
        }
        if (serialized is null && nonNull) RaiseNonNull(parent, slot, field, parentType);
        else parent.SetSlot(slot, serialized);
    }

    private void CompleteList(ListType type, object value, ResultNode parent, int slot, bool nonNull, CollectedField field, ObjectType parentType)
    {
        if (value is string or not IEnumerable)
        {
            var error = new GraphQLError(ErrorMessages.ExpectedIterable(parentType.Name, field.Definition!.Name), field.Nodes, PathOf(parent, slot));
            RaiseError(error, parent, slot, nonNull);
            return;
        }
        // Indexable sources are read in place; anything else (iterators, LINQ) is read once into a buffer.
        IList items = value as IList ?? ToList((IEnumerable)value);
        var list = new ResultList(items.Count) { Parent = parent, ParentSlot = slot, NonNullInParent = nonNull };
        parent.SetSlot(slot, list);
        var itemType = type.OfType;
        for (var i = 0; i < items.Count; i++)
        {
            // Items without resolvers complete without ever reaching a cancellation check: look now and then.
            if ((i & 1023) == 1023) CancellationToken.ThrowIfCancellationRequested();
            Complete(itemType, items[i], list, i, field, parentType);
            if (list.Detached) return;
        }
    }

    private static List<object?> ToList(IEnumerable values)
    {
        var list = values is ICollection collection ? new List<object?>(collection.Count) : new List<object?>();
        foreach (var value in values) list.Add(value);
        return list;
    }

    private void CompleteObject(ObjectType type, object value, ResultNode parent, int slot, bool nonNull, CollectedField field)
    {
        StackGuard.Ensure();
        if (type.IsTypeOf is { } isTypeOf && !isTypeOf(value, ContextFor(field, type, value, parent, slot)))
        {
            var error = new GraphQLError($"Expected value of type \"{type.Name}\" but got: {Types.Scalars.Inspect.Value(value)}.",
                field.Nodes, PathOf(parent, slot));
            RaiseError(error, parent, slot, nonNull);
            return;
        }
        var fields = _collector.CollectSubfields(type, field);
        var map = new ResultMap(fields.Length) { Parent = parent, ParentSlot = slot, NonNullInParent = nonNull };
        parent.SetSlot(slot, map);
        ExecuteFields(type, value, fields, map);
    }

    private void CompleteAbstract(NamedType type, object value, ResultNode parent, int slot, bool nonNull, CollectedField field, ObjectType parentType)
    {
        ObjectType? runtime;
        string? problem = null;
        try
        {
            runtime = AbstractTypeResolver.Resolve(Schema, type, value, ContextFor(field, parentType, value, parent, slot));
            if (runtime is null) problem = ErrorMessages.AbstractTypeUnresolved(type.Name, parentType.Name, field.Definition!.Name);
            else if (!ReferenceEquals(Schema.GetType(runtime.Name), runtime)) problem = ErrorMessages.AbstractTypeUnknown(runtime.Name, type.Name);
            else if (!Schema.IsSubType(type, runtime)) problem = ErrorMessages.AbstractTypeNotPossible(runtime.Name, type.Name);
        }
        catch (Exception exception)
        {
            RaiseError(LocatedError(exception, field, parent, slot), parent, slot, nonNull);
            return;
        }
        if (problem is not null)
        {
            RaiseError(new GraphQLError(problem, field.Nodes, PathOf(parent, slot)), parent, slot, nonNull);
            return;
        }
        CompleteObject(runtime!, value, parent, slot, nonNull, field);
    }

    private ResolveContext ContextFor(CollectedField field, ObjectType type, object? value, ResultNode parent, int slot) =>
        new(this, field, type, value, field.ConstantArguments ?? ArgumentCoercion.Empty, parent, slot);
}
