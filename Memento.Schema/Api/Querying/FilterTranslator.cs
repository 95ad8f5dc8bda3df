using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using Memento.GraphQL.Errors;

namespace Memento.Schema.Api.Querying;

/// <summary>
/// Turns a coerced <c>where</c> argument into one predicate for <see cref="Queryable.Where{T}(IQueryable{T}, Expression{Func{T, bool}})"/>,
/// so the database does all filtering. Only members the type declared filterable are looked up; anything else
/// could not have passed validation against the generated input type anyway.
/// </summary>
public static class FilterTranslator
{
    private static readonly MethodInfo ToLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;
    private static readonly MethodInfo Contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo StartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;

    /// <summary>The predicate for <paramref name="where"/>; null when it sets no condition.</summary>
    public static Expression<Func<T, bool>>? Translate<T>(QueryableType<T> type, object? where) where T : class
    {
        var row = Expression.Parameter(typeof(T), "x");
        var body = Object(type, row, where);
        return body is null ? null : Expression.Lambda<Func<T, bool>>(body, row);
    }

    private static Expression? Object(IQueryableType type, Expression instance, object? value)
    {
        if (value is not IEnumerable<KeyValuePair<string, object?>> fields) return null;
        Expression? result = null;
        foreach (var (name, fieldValue) in fields)
        {
            Expression? condition;
            if (name == FilterOperations.And) condition = Combine(type, instance, fieldValue, Expression.AndAlso);
            else if (name == FilterOperations.Or) condition = Combine(type, instance, fieldValue, Expression.OrElse);
            else if (type.Scalars.TryGetValue(name, out var scalar) && (scalar.Allow & Allow.Filter) != 0)
                condition = Operations(Expression.Property(instance, scalar.Property), fieldValue);
            else if (type.References.TryGetValue(name, out var reference) && reference.Filterable)
                // EF Core joins the navigation and treats a missing target as not matching.
                condition = Object(reference.Target, Expression.Property(instance, reference.Property), fieldValue);
            else if (type.Collections.TryGetValue(name, out var collection))
                condition = List(collection, Expression.Property(instance, collection.Property), fieldValue);
            else throw new GraphQLException(QueryingErrors.NotFilterable(name), QueryingErrors.ValidationCode);
            result = And(result, condition);
        }
        return result;
    }

    private static Expression? Combine(IQueryableType type, Expression instance, object? list, Func<Expression, Expression, BinaryExpression> join)
    {
        if (list is not IEnumerable items) return null;
        Expression? result = null;
        foreach (var item in items)
        {
            // An empty element ({}) sets no condition: it matches everything, in "or" as in "and".
            var condition = Object(type, instance, item) ?? Expression.Constant(true);
            result = result is null ? condition : join(result, condition);
        }
        return result;
    }

    private static Expression? List(CollectionMember member, Expression collection, object? value)
    {
        if (value is not IEnumerable<KeyValuePair<string, object?>> fields) return null;
        var elementType = member.Target.ClrType;
        Expression? result = null;
        foreach (var (name, elementFilter) in fields)
        {
            var element = Expression.Parameter(elementType, "e");
            var predicate = Object(member.Target, element, elementFilter) ?? Expression.Constant(true);
            var lambda = Expression.Lambda(predicate, element);
            Expression condition = name switch
            {
                FilterOperations.Some => Call(nameof(Enumerable.Any), elementType, collection, lambda),
                FilterOperations.All => Call(nameof(Enumerable.All), elementType, collection, lambda),
                _ => Expression.Not(Call(nameof(Enumerable.Any), elementType, collection, lambda)),
            };
            result = And(result, condition);
        }
        return result;
    }

    private static Expression? Operations(MemberExpression member, object? value)
    {
        if (value is not IEnumerable<KeyValuePair<string, object?>> operations) return null;
        Expression? result = null;
        foreach (var (operation, operand) in operations)
        {
            result = And(result, Operation(member, operation, operand));
        }
        return result;
    }

    private static Expression? Operation(MemberExpression member, string operation, object? operand)
    {
        if (operand is null && member.Type.IsValueType && Nullable.GetUnderlyingType(member.Type) is null)
        {
            // A column that can never be null: eq null matches nothing, neq null everything.
            if (operation == FilterOperations.Eq) return Expression.Constant(false);
            if (operation == FilterOperations.Neq) return Expression.Constant(true);
        }
        switch (operation)
        {
            case FilterOperations.Eq: return Expression.Equal(member, Values.Parameter(member.Type, operand));
            case FilterOperations.Neq: return Expression.NotEqual(member, Values.Parameter(member.Type, operand));
        }
        // Null for any other operation sets no condition, as if the operation were not given.
        if (operand is null) return null;
        switch (operation)
        {
            case FilterOperations.In:
            case FilterOperations.Nin:
                // An OR of equalities translates the same on every provider, value converters included.
                Expression? any = null;
                foreach (var item in (IEnumerable)operand)
                {
                    var equal = Expression.Equal(member, Values.Parameter(member.Type, item));
                    any = any is null ? equal : Expression.OrElse(any, equal);
                }
                any ??= Expression.Constant(false);
                return operation == FilterOperations.In ? any : Expression.Not(any);
            case FilterOperations.Contains:
            case FilterOperations.StartsWith:
                // lower() on both sides: case-insensitive on SQLite and PostgreSQL alike. EF Core sends the text as a
                // parameter (instr/strpos for Contains, an escaped LIKE for StartsWith), so % and _ match literally.
                var text = Values.Parameter(typeof(string), ((string)operand).ToLowerInvariant());
                return Expression.Call(Expression.Call(member, ToLower), operation == FilterOperations.Contains ? Contains : StartsWith, text);
            case FilterOperations.Gt: return Expression.GreaterThan(member, Values.Parameter(member.Type, operand));
            case FilterOperations.Gte: return Expression.GreaterThanOrEqual(member, Values.Parameter(member.Type, operand));
            case FilterOperations.Lt: return Expression.LessThan(member, Values.Parameter(member.Type, operand));
            case FilterOperations.Lte: return Expression.LessThanOrEqual(member, Values.Parameter(member.Type, operand));
        }
        throw new GraphQLException(QueryingErrors.NotFilterable(operation), QueryingErrors.ValidationCode);
    }

    private static Expression Call(string method, Type elementType, Expression collection, LambdaExpression predicate) =>
        Expression.Call(typeof(Enumerable), method, [elementType], collection, predicate);

    private static Expression? And(Expression? left, Expression? right) =>
        left is null ? right : right is null ? left : Expression.AndAlso(left, right);
}
