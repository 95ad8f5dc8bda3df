using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json;

namespace Memento.GraphQL.Types;

/// <summary>
/// The resolver the executor uses for a field without one, like graphql-js's defaultFieldResolver: it reads the
/// field's name from the source — a JSON object, a string-keyed dictionary or a .NET object's property
/// (case-insensitively) — and when that value is a delegate, calls it with the arguments. This is what makes a
/// schema from SDL executable against a plain JSON root value.
/// </summary>
public static class DefaultFieldResolver
{
    private static readonly ConcurrentDictionary<(Type, string), Func<object, object?>?> Getters = new();

    /// <summary>The resolver delegate.</summary>
    public static readonly FieldResolver Instance = Resolve;

    private static ValueTask<object?> Resolve(IResolveContext context)
    {
        var value = GetMember(context.Source, context.FieldName);
        return value switch
        {
            Delegate d => Invoke(d, context),
            _ => new ValueTask<object?>(value),
        };
    }

    /// <summary>The member of source named fieldName, or null when there is none.</summary>
    public static object? GetMember(object? source, string fieldName)
    {
        switch (source)
        {
            case null:
                return null;
            case JsonElement je:
                return je.ValueKind == JsonValueKind.Object && je.TryGetProperty(fieldName, out var prop) ? FromJson(prop) : null;
            case IDictionary<string, object?> dict:
                return dict.TryGetValue(fieldName, out var v) ? v : null;
            case IReadOnlyDictionary<string, object?> rod:
                return rod.TryGetValue(fieldName, out var rv) ? rv : null;
            case IDictionary legacy:
                return legacy.Contains(fieldName) ? legacy[fieldName] : null;
        }

        var getter = Getters.GetOrAdd((source.GetType(), fieldName), static key => CreateGetter(key.Item1, key.Item2));
        return getter?.Invoke(source);
    }

    /// <summary>JSON null becomes null and arrays become enumerable; other elements stay JSON (scalars read them).</summary>
    internal static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.Array => new JsonArray(element),
        _ => element,
    };

    private static async ValueTask<object?> Invoke(Delegate d, IResolveContext context)
    {
        object? result = d switch
        {
            FieldResolver r => await r(context).ConfigureAwait(false),
            Func<IReadOnlyDictionary<string, object?>, object?> withArgs => withArgs(context.Arguments),
            Func<IResolveContext, object?> withContext => withContext(context),
            Func<object?> plain => plain(),
            _ => d.DynamicInvoke(d.Method.GetParameters().Length == 0 ? Array.Empty<object?>() : new object?[] { context.Arguments }),
        };
        switch (result)
        {
            case Task task:
                await task.ConfigureAwait(false);
                return task.GetType().IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
            case ValueTask<object?> vt:
                return await vt.ConfigureAwait(false);
            default:
                return result;
        }
    }

    private static Func<object, object?>? CreateGetter(Type type, string name)
    {
        var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance) ??
                       type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (property is null || !property.CanRead || property.GetIndexParameters().Length > 0)
        {
            var field = type.GetField(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            return field is null ? null : o => field.GetValue(o);
        }

        // A compiled accessor avoids reflection per call: the default resolver runs for most leaf fields.
        var parameter = Expression.Parameter(typeof(object), "o");
        var body = Expression.Convert(Expression.Property(Expression.Convert(parameter, type), property), typeof(object));
        return Expression.Lambda<Func<object, object?>>(body, parameter).Compile();
    }

    /// <summary>A JSON array seen as a list of values, converted like object members.</summary>
    private sealed class JsonArray(JsonElement array) : IEnumerable<object?>
    {
        public IEnumerator<object?> GetEnumerator()
        {
            foreach (var item in array.EnumerateArray())
            {
                yield return FromJson(item);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
