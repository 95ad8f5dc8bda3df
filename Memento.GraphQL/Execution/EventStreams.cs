using System.Reflection;
using System.Runtime.CompilerServices;

namespace Memento.GraphQL.Execution;

/// <summary>Turns whatever a subscribe resolver returned into a stream of boxed events, when it is one.</summary>
internal static class EventStreams
{
    private static readonly MethodInfo BoxMethod = typeof(EventStreams).GetMethod(nameof(Box), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The value as a stream of objects, or null when it is no <see cref="IAsyncEnumerable{T}"/>.</summary>
    public static IAsyncEnumerable<object?>? AsObjects(object? value)
    {
        // Covariance covers streams of reference types; streams of value types need boxing.
        if (value is IAsyncEnumerable<object?> objects) return objects;
        var stream = value?.GetType().GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>));
        if (stream is null) return null;
        return (IAsyncEnumerable<object?>)BoxMethod.MakeGenericMethod(stream.GetGenericArguments()[0]).Invoke(null, [value, CancellationToken.None])!;
    }

    private static async IAsyncEnumerable<object?> Box<T>(IAsyncEnumerable<T> source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in source.WithCancellation(cancellationToken).ConfigureAwait(false)) yield return item;
    }

    /// <summary>A short description of a value that is not a stream, for the error that says so.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "null",
        string s => "\"" + (s.Length > 40 ? s[..40] + "…" : s) + "\"",
        _ => value.GetType().Name,
    };
}
