using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Memento.GraphQL.CodeFirst;

/// <summary>
/// Turns coerced GraphQL input values (dictionaries, lists, scalars' internal values) into the .NET types resolver
/// parameters declare: records and classes, arrays and lists, enums, Guid, numbers of other widths.
/// </summary>
internal static class InputConverter
{
    public static Func<object?, object?> For(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (ClrTypes.ElementType(underlying) is { } element && underlying != typeof(string))
        {
            var convertElement = For(element);
            return value => value is null ? null : ToSequence(underlying, element, convertElement, value);
        }
        // JSON scalar inputs arrive as dictionaries, lists and numbers; a JsonElement parameter gets them as JSON.
        if (underlying == typeof(JsonElement))
            return value => value is null or JsonElement ? value : JsonSerializer.SerializeToElement(value);
        if (underlying == typeof(Guid)) return value => value is null or Guid ? value : Guid.Parse(Convert.ToString(value, CultureInfo.InvariantCulture)!);
        if (underlying == typeof(DateTime)) return value => value is DateTimeOffset offset ? offset.UtcDateTime : value;
        if (underlying == typeof(DateTimeOffset)) return value => value is DateTime time ? new DateTimeOffset(time) : value;
        if (underlying.IsEnum) return value => value is null || value.GetType() == underlying ? value : Enum.Parse(underlying, value.ToString()!, ignoreCase: true);
        if (underlying.IsPrimitive || underlying == typeof(decimal))
            return value => value is null || value.GetType() == underlying ? value : Convert.ChangeType(value, underlying, CultureInfo.InvariantCulture);
        if (underlying == typeof(string) || underlying == typeof(object) || underlying.IsInterface) return value => value;
        return ObjectConverter(underlying);
    }

    private static object ToSequence(Type target, Type element, Func<object?, object?> convert, object value)
    {
        var source = value is IEnumerable items and not string ? items.Cast<object?>().ToList() : [value];
        if (target.IsArray)
        {
            var array = Array.CreateInstance(element, source.Count);
            for (var i = 0; i < source.Count; i++) array.SetValue(convert(source[i]), i);
            return array;
        }
        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(element), source.Count)!;
        foreach (var item in source) list.Add(convert(item));
        return list;
    }

    // Reflection reports enum defaults as their underlying number.
    private static object? DefaultOf(ParameterInfo parameter)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        return type.IsEnum && parameter.DefaultValue is not null ? Enum.ToObject(type, parameter.DefaultValue) : parameter.DefaultValue;
    }

    /// <summary>Builds a record through its widest constructor, then sets the remaining writable properties.</summary>
    private static Func<object?, object?> ObjectConverter(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        var parameters = constructor?.GetParameters() ?? [];
        var parameterConverters = parameters.Select(p => (Name: Naming.Argument(p), Convert: For(p.ParameterType), p)).ToArray();
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && !parameters.Any(c => string.Equals(c.Name, p.Name, StringComparison.OrdinalIgnoreCase)))
            .Select(p => (Name: Naming.Field(p), Convert: For(p.PropertyType), Property: p)).ToArray();
        return value =>
        {
            if (value is null || type.IsInstanceOfType(value)) return value;
            var fields = (IReadOnlyDictionary<string, object?>)value;
            var arguments = parameterConverters.Select(c => fields.TryGetValue(c.Name, out var v) ? c.Convert(v)
                : c.p.HasDefaultValue ? DefaultOf(c.p) : null).ToArray();
            var instance = constructor is null ? Activator.CreateInstance(type)! : constructor.Invoke(arguments);
            foreach (var (name, convert, property) in properties)
            {
                if (fields.TryGetValue(name, out var v)) property.SetValue(instance, convert(v));
            }
            return instance;
        };
    }
}
