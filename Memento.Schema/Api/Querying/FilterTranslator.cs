using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using Memento.GraphQL.Errors;
using Microsoft.EntityFrameworkCore;

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
    private static readonly MethodInfo EfParameter = typeof(EF).GetMethod(nameof(EF.Parameter))!;
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
        var terms = new List<Expression>();
        // An empty element ({}) sets no condition: it matches everything, in "or" as in "and".
        foreach (var item in items) terms.Add(Object(type, instance, item) ?? Expression.Constant(true));
        return terms.Count == 0 ? null : Balanced(terms, 0, terms.Count, join);
    }

    // A balanced tree of n terms is log2(n) deep where a chain is n deep: EF Core visits expression trees
    // recursively and SQLite refuses SQL expressions nested 1,000 deep.
    private static Expression Balanced(List<Expression> terms, int start, int end, Func<Expression, Expression, BinaryExpression> join)
    {
        if (end - start == 1) return terms[start];
        var middle = start + (end - start) / 2;
        return join(Balanced(terms, start, middle, join), Balanced(terms, middle, end, join));
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
                return OneOf(member, (IEnumerable)operand);
            case FilterOperations.Nin:
                return Expression.Not(OneOf(member, (IEnumerable)operand));
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

    /// <summary>
    /// <c>EF.Parameter(list).Contains(x.Column)</c>: the whole list is one SQL parameter, whatever its length
    /// (<c>IN (SELECT value FROM json_each(@p))</c> on SQLite, <c>= ANY (@p)</c> on PostgreSQL), where an OR of
    /// equalities was one expression node per value and EF Core 10's default a SQL parameter per value.
    /// The list is typed as the column (value converters of enums and dates apply to its elements).
    /// </summary>
    private static Expression OneOf(MemberExpression member, IEnumerable items)
    {
        var listType = typeof(List<>).MakeGenericType(member.Type);
        var list = (IList)Activator.CreateInstance(listType)!;
        foreach (var item in items) list.Add(Values.Convert(member.Type, item));
        var parameter = Expression.Call(EfParameter.MakeGenericMethod(listType), Values.Parameter(listType, list));
        return Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [member.Type], parameter, member);
    }

    private static Expression Call(string method, Type elementType, Expression collection, LambdaExpression predicate) =>
        Expression.Call(typeof(Enumerable), method, [elementType], collection, predicate);

    private static Expression? And(Expression? left, Expression? right) =>
        left is null ? right : right is null ? left : Expression.AndAlso(left, right);
}
