using System.Diagnostics;
using System.Text.Json;
using Memento.GraphQL.Errors;
using Memento.Tests.GraphQL.Conformance;

namespace Memento.Tests.GraphQL.Http;

/// <summary>
/// GraphQL over WebSocket as the graphql-ws client from npm (under node, with the ws package) sees it, plus raw
/// sockets breaking the protocol on purpose. Scenarios live in Node/ws-scenarios.mjs; each prints what it saw.
/// </summary>
public sealed class WebSocketTransportTests(WebSocketTestServer server) : IClassFixture<WebSocketTestServer>
{
    [Fact]
    public async Task A_subscription_delivers_its_events_in_order_then_completes()
    {
        var seen = await RunAsync("events");
        Assert.Equal([3, 2, 1, 0], seen.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("data").GetProperty("countdown").GetInt32()));
        Assert.True(seen.GetProperty("completed").GetBoolean());
    }

    [Fact]
    public async Task Each_event_runs_in_a_fresh_service_scope()
    {
        var seen = await RunAsync("event-scopes");
        var ids = seen.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("data").GetProperty("eventScope").GetInt32()).ToList();
        Assert.Equal(3, ids.Count);
        Assert.Equal(3, ids.Distinct().Count());
    }

    [Fact]
    public async Task Queries_and_mutations_answer_one_result_then_complete()
    {
        var seen = await RunAsync("query-and-mutation");
        Assert.Equal("""[{"data":{"hello":"Hello ws"}}]""", seen.GetProperty("query").GetProperty("results").GetRawText());
        Assert.True(seen.GetProperty("query").GetProperty("completed").GetBoolean());
        Assert.Equal("""[{"data":{"touch":true}}]""", seen.GetProperty("mutation").GetProperty("results").GetRawText());
    }

    [Fact]
    public async Task Bad_documents_come_back_as_the_operations_errors_and_the_socket_stays_open()
    {
        var seen = await RunAsync("bad-documents");
        Assert.Equal("""[{"message":"Cannot query field \"nope\" on type \"Query\".","locations":[{"line":1,"column":3}]}]""",
            seen.GetProperty("unknownField").GetProperty("errors").GetRawText());
        Assert.StartsWith("Syntax Error:", seen.GetProperty("syntax").GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Contains("must select only one top level field", seen.GetProperty("twoRootFields").GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Contains("$n", seen.GetProperty("badVariable").GetProperty("errors")[0].GetProperty("message").GetString());
        // Later operations on the same client still ran: none of the four closed the socket.
        Assert.All(["unknownField", "syntax", "twoRootFields", "badVariable"], name => Assert.False(seen.GetProperty(name).TryGetProperty("close", out _)));
    }

    [Fact]
    public async Task A_socket_that_never_sends_connection_init_is_closed_with_4408()
    {
        var seen = await RunAsync("init-timeout");
        Assert.Equal(4408, seen.GetProperty("code").GetInt32());
        Assert.Equal(ErrorMessages.WebSocketInitTimeout, seen.GetProperty("reason").GetString());
        Assert.InRange(seen.GetProperty("elapsedMs").GetInt32(), WebSocketTestServer.InitTimeout.TotalMilliseconds - 100, 5000);
    }

    [Fact]
    public async Task A_socket_without_the_graphql_transport_ws_subprotocol_is_refused()
    {
        var none = await RunAsync("no-subprotocol");
        Assert.Equal(4406, none.GetProperty("code").GetInt32());
        Assert.Equal(ErrorMessages.WebSocketSubprotocolNotAcceptable, none.GetProperty("reason").GetString());

        // The legacy subscriptions-transport-ws protocol: the server chooses none of the client's offers.
        var legacy = await RunAsync("other-subprotocol");
        Assert.Equal("Server sent no subprotocol", legacy.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_second_subscribe_with_an_active_id_closes_the_socket_with_4409()
    {
        var seen = await RunAsync("duplicate-id");
        Assert.Equal(4409, seen.GetProperty("code").GetInt32());
        Assert.Equal("Subscriber for one already exists", seen.GetProperty("reason").GetString());
        await server.WaitForOpenStreamsAsync(0);
    }

    [Fact]
    public async Task An_id_the_client_completed_may_be_used_again()
    {
        var seen = await RunAsync("reused-id");
        Assert.Equal("""{"data":{"hello":"Hello world"}}""", seen.GetProperty("answer").GetRawText());
        await server.WaitForOpenStreamsAsync(0);
    }

    [Fact]
    public async Task Subscriptions_beyond_the_per_connection_cap_get_an_error_until_one_ends()
    {
        var seen = await RunAsync("connection-cap");
        Assert.Equal(ErrorMessages.TooManySubscriptionsPerConnection(WebSocketTestServer.MaxSubscriptionsPerConnection),
            seen.GetProperty("third").GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.True(seen.GetProperty("secondStillRunning").GetBoolean());
        Assert.Equal(0, seen.GetProperty("fourthFirstEvent").GetProperty("data").GetProperty("forever").GetInt32());
        await server.WaitForOpenStreamsAsync(0);
    }

    [Fact]
    public async Task Subscriptions_beyond_the_per_user_cap_get_an_error_until_another_connection_closes()
    {
        var seen = await RunAsync("user-cap");
        Assert.Equal(ErrorMessages.TooManySubscriptionsPerUser(WebSocketTestServer.MaxSubscriptionsPerUser),
            seen.GetProperty("overUserCap").GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(0, seen.GetProperty("afterReleaseFirstEvent").GetProperty("data").GetProperty("forever").GetInt32());
        await server.WaitForOpenStreamsAsync(0);
    }

    [Fact]
    public async Task A_connection_its_check_refuses_is_closed_with_4403_Forbidden()
    {
        var seen = await RunAsync("auth-refused");
        Assert.Equal(4403, seen.GetProperty("close").GetProperty("code").GetInt32());
        Assert.Equal("Forbidden", seen.GetProperty("close").GetProperty("reason").GetString());
        Assert.Empty(seen.GetProperty("results").EnumerateArray());
    }

    [Fact]
    public async Task The_connection_check_can_sign_the_caller_in_from_the_init_payload()
    {
        var seen = await RunAsync("auth-accepted", WebSocketTestServer.Token);
        Assert.Equal("""[{"data":{"me":"ada"}}]""", seen.GetProperty("results").GetRawText());
    }

    [Fact]
    public async Task The_clients_unsubscribe_disposes_the_servers_source_stream()
    {
        var seen = await RunAsync("unsubscribe");
        Assert.True(seen.GetProperty("eventsBeforeStop").GetInt32() >= 1);
        Assert.Equal(0, seen.GetProperty("eventsAfterStop").GetInt32());
        Assert.Equal("""[{"data":{"hello":"Hello world"}}]""", seen.GetProperty("after").GetProperty("results").GetRawText());
        await server.WaitForOpenStreamsAsync(0);
    }

    [Fact]
    public async Task Closing_the_socket_disposes_all_its_source_streams_and_frees_their_slots()
    {
        await RunAsync("close-socket");
        await server.WaitForOpenStreamsAsync(0);
        // The per-user slots came back: a full cap's worth of subscriptions is possible again.
        var seen = await RunAsync("connection-cap");
        Assert.Equal(0, seen.GetProperty("fourthFirstEvent").GetProperty("data").GetProperty("forever").GetInt32());
    }

    [Fact]
    public async Task Pings_are_answered_with_their_payload_and_the_server_pings_on_its_own()
    {
        var seen = await RunAsync("ping-pong");
        Assert.Equal("""{"type":"pong","payload":{"n":1}}""", seen.GetProperty("pong").GetRawText());
        Assert.Equal("""{"type":"ping"}""", seen.GetProperty("serverPing").GetRawText());
        Assert.InRange(seen.GetProperty("pingAfterMs").GetInt32(), 0, WebSocketTestServer.KeepAlive.TotalMilliseconds * 2);
    }

    [Fact]
    public async Task A_peer_that_stops_answering_pings_is_dropped_and_its_subscriptions_end()
    {
        var seen = await RunAsync("silent-peer");
        Assert.Equal(1006, seen.GetProperty("code").GetInt32()); // dropped, no close handshake with a dead peer
        Assert.InRange(seen.GetProperty("elapsedMs").GetInt32(), WebSocketTestServer.KeepAlive.TotalMilliseconds, WebSocketTestServer.KeepAlive.TotalMilliseconds * 4);
        await server.WaitForOpenStreamsAsync(0);
    }

    [Fact]
    public async Task Messages_the_protocol_does_not_allow_close_the_socket_with_its_codes()
    {
        var seen = await RunAsync("invalid-messages", WebSocketTestServer.MaxMessageSize.ToString());
        Assert.Equal((4400, ErrorMessages.WebSocketInvalidMessage), Close(seen, "notJson"));
        Assert.Equal((4400, ErrorMessages.WebSocketUnexpectedType("next")), Close(seen, "serverType"));
        Assert.Equal((4400, ErrorMessages.WebSocketInvalidField("subscribe", "query", "a string")), Close(seen, "noQuery"));
        Assert.Equal((4401, "Unauthorized"), Close(seen, "subscribeBeforeInit"));
        Assert.Equal((4429, "Too many initialisation requests"), Close(seen, "secondInit"));
        Assert.Equal((4400, ErrorMessages.WebSocketMessageTooLarge(WebSocketTestServer.MaxMessageSize)), Close(seen, "tooLarge"));
    }

    private static (int, string?) Close(JsonElement seen, string name) =>
        (seen.GetProperty(name).GetProperty("code").GetInt32(), seen.GetProperty(name).GetProperty("reason").GetString());

    private async Task<JsonElement> RunAsync(string scenario, string? argument = null)
    {
        var root = GraphQLJsReference.FindRepositoryRoot();
        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { Path.Combine(root, "Memento.Tests", "GraphQL", "Http", "Node", "ws-scenarios.mjs"), scenario, server.Url },
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (argument is not null) start.ArgumentList.Add(argument);
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await node.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            node.Kill(entireProcessTree: true);
            Assert.Fail($"Scenario {scenario} did not finish in 30 s: {await errors}");
        }
        Assert.True(node.ExitCode == 0, $"Scenario {scenario} failed ({node.ExitCode}): {await errors}");
        return JsonDocument.Parse(await output).RootElement;
    }
}
