using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Memento.Tests.Support;

namespace Memento.Tests.Server.Hardening;

/// <summary>
/// Issue 10, finding 2: a 1.6 KB anonymous document whose fragments each spread the next one four times (4^30
/// paths) passed the depth and cost limits and kept a core busy long after the client had gone.
/// </summary>
public sealed class FragmentBombTests : IDisposable
{
    private readonly MementoAppFactory app = new();

    public void Dispose() => app.Dispose();

    /// <summary>The exact document of the issue: { ...F0 } and Fi spreading Fi+1 four times, F30 selecting health.</summary>
    public static string Document()
    {
        var text = new StringBuilder("{ ...F0 }");
        for (var i = 0; i < 30; i++)
            text.Append($" fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} ...F{i + 1} ...F{i + 1} }}");
        text.Append(" fragment F30 on Query { health }");
        return text.ToString();
    }

    private static StringContent Json(object body) =>
        new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    [Fact]
    public async Task The_exponential_fragment_document_is_answered_at_once_and_leaves_the_server_responsive()
    {
        using var client = app.CreateClient();
        // The first request pays for start-up and JIT; the document is timed on a warm server.
        (await client.PostAsync("/graphql", Json(new { query = "{ health }" }))).Dispose();
        var watch = Stopwatch.StartNew();
        using var response = await client.PostAsync("/graphql",
            Json(new { query = Document() }));
        var elapsed = watch.Elapsed;
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", body.GetProperty("data").GetProperty("health").GetString());
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"The fragment document took {elapsed}.");

        // Nothing is left running: the next request is answered just as promptly.
        watch.Restart();
        using var next = await client.PostAsync("/graphql", Json(new { query = "{ health }" }));
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"The follow-up request took {watch.Elapsed}.");
    }
}
