using Memento.GraphQL.Types;

namespace Memento.Tests.GraphQL.Execution;

/// <summary>Small schemas built with the type API, so execution tests do not depend on the SDL builder.</summary>
internal static class TestSchemas
{
    public static ValueTask<object?> Value(object? value) => new(value);

    /// <summary>A resolver that completes later, on another thread.</summary>
    public static FieldResolver Later(Func<IResolveContext, object?> produce, int delayMs = 1) =>
        async context =>
        {
            await Task.Delay(delayMs, context.CancellationToken);
            return produce(context);
        };

    /// <summary>type Query { [name]: T } with the given fields added by the caller.</summary>
    public static GraphQLSchema Query(Action<ObjectType> define, ObjectType? mutation = null, IEnumerable<NamedType>? types = null)
    {
        var query = new ObjectType("Query");
        define(query);
        return new GraphQLSchema(query, mutation, types: types);
    }
}
