using System.Collections.Concurrent;
using System.Reflection;
using Memento.GraphQL.Types;

namespace Memento.Schema.Api.Querying;

/// <summary>How CLR property types map to GraphQL types and what the querying layer can do with them.</summary>
internal static class ClrTypes
{
    private static readonly ConcurrentDictionary<Type, EnumType> Enums = new();
    private static readonly NullabilityInfoContext Nullability = new();

    public static NamedType? GraphTypeOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum) return EnumOf(type);
        if (type == typeof(string)) return ScalarType.String;
        if (type == typeof(int) || type == typeof(short)) return ScalarType.Int;
        if (type == typeof(long)) return ScalarType.Long;
        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal)) return ScalarType.Float;
        if (type == typeof(bool)) return ScalarType.Boolean;
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return ScalarType.DateTime;
        return null;
    }

    /// <summary>One enum type per CLR enum, so every list and filter that uses it shares the schema's single instance.</summary>
    public static EnumType EnumOf(Type enumType) => Enums.GetOrAdd(enumType, static t =>
        (EnumType)typeof(EnumType).GetMethod(nameof(EnumType.FromEnum))!.MakeGenericMethod(t).Invoke(null, [null, null])!);

    public static bool IsNullable(PropertyInfo property)
    {
        if (property.PropertyType.IsValueType) return Nullable.GetUnderlyingType(property.PropertyType) is not null;
        // NullabilityInfoContext is not thread-safe; types are built once at start-up, so a lock costs nothing.
        lock (Nullability) return Nullability.Create(property).ReadState != NullabilityState.NotNull;
    }

    public static bool IsSortable(Type type) =>
        type == typeof(string) || type == typeof(int) || type == typeof(long) || type == typeof(short) ||
        type == typeof(double) || type == typeof(float) || type == typeof(decimal) ||
        type == typeof(DateTimeOffset) || type == typeof(DateTime);

    /// <summary>Numbers and dates get gt/gte/lt/lte.</summary>
    public static bool IsOrdered(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type != typeof(string) && IsSortable(type);
    }
}
