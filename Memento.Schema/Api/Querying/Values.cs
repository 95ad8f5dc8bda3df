using System.Globalization;
using System.Linq.Expressions;
using Memento.GraphQL.Errors;

namespace Memento.Schema.Api.Querying;

/// <summary>Turns coerced GraphQL values into typed query parameters.</summary>
internal static class Values
{
    /// <summary>
    /// The value as an expression EF Core sends as a SQL parameter (a member of a closure-like object), never as an
    /// inlined literal: one cached query plan per shape, and no client text in the SQL.
    /// </summary>
    public static Expression Parameter(Type type, object? value)
    {
        var holder = Activator.CreateInstance(typeof(Holder<>).MakeGenericType(type), Convert(type, value))!;
        return Expression.Field(Expression.Constant(holder), "Value");
    }

    /// <summary>Converts e.g. an ID string to the long key, an Int to a long column, a DateTime to a DateTimeOffset.</summary>
    public static object? Convert(Type type, object? value)
    {
        if (value is null) return null;
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target.IsInstanceOfType(value)) return value;
        try
        {
            if (target.IsEnum) return value is string name ? Enum.Parse(target, name, ignoreCase: false) : Enum.ToObject(target, value);
            if (target == typeof(DateTime) && value is DateTimeOffset offset) return offset.UtcDateTime;
            if (target == typeof(DateTimeOffset) && value is DateTime dateTime) return new DateTimeOffset(dateTime.ToUniversalTime());
            return System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            throw new GraphQLException(QueryingErrors.InvalidValue(value), QueryingErrors.ValidationCode);
        }
    }

    private sealed class Holder<TValue>(TValue value)
    {
        public readonly TValue Value = value;
    }
}
