using System.Reflection;

namespace Memento.GraphQL.CodeFirst;

/// <summary>Unwrapping of the .NET shapes that carry a GraphQL type: tasks, nullables and sequences.</summary>
internal static class ClrTypes
{
    /// <summary>The result type of Task&lt;T&gt;, ValueTask&lt;T&gt; (or the type itself), and which wrapper it was.</summary>
    public static (Type Type, AsyncKind Kind) UnwrapAsync(Type type)
    {
        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            if (definition == typeof(Task<>)) return (type.GetGenericArguments()[0], AsyncKind.Task);
            if (definition == typeof(ValueTask<>)) return (type.GetGenericArguments()[0], AsyncKind.ValueTask);
            if (definition == typeof(IAsyncEnumerable<>)) return (typeof(List<>).MakeGenericType(type.GetGenericArguments()[0]), AsyncKind.AsyncEnumerable);
        }
        return (type, AsyncKind.None);
    }

    /// <summary>The element type when <paramref name="type"/> is a sequence (but not a string or dictionary).</summary>
    public static Type? ElementType(Type type)
    {
        if (type == typeof(string) || type == typeof(byte[])) return null;
        if (type.IsArray) return type.GetElementType();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)) return type.GetGenericArguments()[0];
        if (type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>))) return null;
        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }

    public static bool IsInjected(ParameterInfo parameter) =>
        parameter.ParameterType == typeof(CancellationToken)
        || typeof(Types.IResolveContext).IsAssignableFrom(parameter.ParameterType)
        || parameter.GetCustomAttribute<ServiceAttribute>() is not null
        || parameter.GetCustomAttribute<ParentAttribute>() is not null;
}

internal enum AsyncKind
{
    None,
    Task,
    ValueTask,
    AsyncEnumerable,
}
