using System.Text;
using Memento.GraphQL.Errors;
using Memento.GraphQL.Execution;
using Memento.GraphQL.Types;

namespace Memento.Tests.GraphQL.Execution;

/// <summary>
/// Issue 10, finding 1: recursion along a request's shape is stopped by the stack guard with an error, never by a
/// stack overflow (which would end the process). A thread with a small stack stands in for a deeper document.
/// </summary>
public class StackGuardTests
{
    private static readonly GraphQLSchema Schema = TestSchemas.Query(q => q.AddField("health", ScalarType.String, _ => new("ok")));

    private static string FragmentChain(int fragments)
    {
        var text = new StringBuilder("{ ...F0 }");
        for (var i = 0; i < fragments; i++) text.Append($" fragment F{i} on Query {{ ...F{i + 1} }}");
        return text.Append($" fragment F{fragments} on Query {{ health }}").ToString();
    }

    /// <summary>Runs the request on a thread whose stack is only <paramref name="stackBytes"/> long.</summary>
    private static ExecutionResult ExecuteOnSmallStack(string query, int stackBytes)
    {
        ExecutionResult? result = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                // Parsing and validation run synchronously on this thread, before the first await.
                result = new GraphQLExecutor(new ExecutionOptions { RequestTimeout = null })
                    .ExecuteAsync(new ExecutionRequest { Schema = Schema, Query = query }).GetAwaiter().GetResult();
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, stackBytes);
        thread.Start();
        thread.Join();
        Assert.Null(failure);
        return result!;
    }

    [Fact]
    public void A_fragment_chain_too_deep_for_the_stack_is_refused_with_an_error()
    {
        var result = ExecuteOnSmallStack(FragmentChain(6_000), 512 * 1024);
        Assert.False(result.HasData);
        var error = Assert.Single(result.Errors!);
        Assert.Equal(ErrorMessages.TooDeepToProcess, error.Message);
        Assert.Equal(ErrorCodes.TooDeep, error.Extensions!["code"]);
    }

    [Fact]
    public void A_short_chain_runs_normally_on_the_same_stack()
    {
        var result = ExecuteOnSmallStack(FragmentChain(50), 512 * 1024);
        Assert.Null(result.Errors);
        Assert.Equal("ok", result.Data!["health"]);
    }
}
