using System.Buffers;
using System.Net.WebSockets;
using Memento.GraphQL.Errors;
using Memento.GraphQL.Execution;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Memento.GraphQL.Http;

/// <summary>
/// One socket speaking graphql-transport-ws: connection_init within the time allowed, then any number of operations
/// identified by the client's ids, each running on its own (subscriptions until they end or the client completes
/// them; queries and mutations as one next and complete), with pings both ways. Closing the socket, from either
/// side, cancels every operation and frees its subscription slots before <see cref="RunAsync"/> returns.
/// </summary>
internal sealed class GraphQLWebSocketConnection
{
    /// <summary>How long a close frame waits for the peer's reply before the socket is dropped.</summary>
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(2);

    private readonly WebSocket _socket;
    private readonly HttpContext _context;
    private readonly GraphQLSchema _schema;
    private readonly GraphQLExecutor _executor;
    private readonly GraphQLServerOptions _options;
    private readonly SubscriptionLimiter _limiter;
    private readonly ILogger _logger;
    private readonly IServiceScopeFactory _scopes;
    private readonly GraphQLWebSocketSender _sender;

    /// <summary>Cancelled when the socket closes: stops every operation, the init watch and the pings.</summary>
    private readonly CancellationTokenSource _closing;

    /// <summary>Stops the receive loop: when the peer vanishes, or does not answer our close frame in time.</summary>
    private readonly CancellationTokenSource _receiving;

    /// <summary>Active operations by the client's id; an id is free again once its operation completes.</summary>
    private readonly Dictionary<string, Operation> _operations = new(StringComparer.Ordinal);

    /// <summary>Every operation still running, including those the client completed that are still winding down.</summary>
    private readonly HashSet<Operation> _running = new();

    private int _streams;
    private volatile bool _initReceived;
    private volatile bool _acknowledged;
    private volatile bool _closed;
    private volatile bool _heardFromClient;
    private string _userKey = "";
    private Task _keepAlive = Task.CompletedTask;

    public GraphQLWebSocketConnection(
        WebSocket socket, HttpContext context, GraphQLSchema schema, GraphQLExecutor executor,
        GraphQLServerOptions options, SubscriptionLimiter limiter, ILogger logger)
    {
        _socket = socket;
        _context = context;
        _schema = schema;
        _executor = executor;
        _options = options;
        _limiter = limiter;
        _logger = logger;
        _scopes = context.RequestServices.GetRequiredService<IServiceScopeFactory>();
        _sender = new GraphQLWebSocketSender(socket);
        _closing = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        _receiving = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
    }

    public async Task RunAsync()
    {
        var initWatch = WatchInitAsync();
        try
        {
            await ReceiveAsync();
        }
        catch (Exception gone) when (gone is OperationCanceledException or WebSocketException or IOException)
        {
            // The peer vanished, or never answered our close frame.
        }
        finally
        {
            _closing.Cancel();
            Operation[] running;
            lock (_operations) running = _running.ToArray();
            // The operations use the HttpContext, which is recycled once this request returns.
            await Task.WhenAll(running.Select(operation => operation.Task));
            await initWatch;
            await _keepAlive;
            if (_socket.State is not (WebSocketState.Closed or WebSocketState.Aborted)) _socket.Abort();
            _sender.Dispose();
            _closing.Dispose();
            _receiving.Dispose();
        }
    }

    private async Task ReceiveAsync()
    {
        var limit = _options.Http.MaxRequestBodySize;
        while (true)
        {
            // A zero-byte read waits for the next frame without holding a buffer: an idle socket costs no receive memory.
            var first = await _socket.ReceiveAsync(Memory<byte>.Empty, _receiving.Token);
            if (first.MessageType == WebSocketMessageType.Close)
            {
                await OnCloseReceivedAsync();
                return;
            }

            var buffer = ArrayPool<byte>.Shared.Rent(4096);
            var length = 0;
            try
            {
                var end = first.EndOfMessage;
                while (!end)
                {
                    if (length == buffer.Length)
                    {
                        if (length > limit) break;
                        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, limit + 1));
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                    var received = await _socket.ReceiveAsync(buffer.AsMemory(length), _receiving.Token);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        await OnCloseReceivedAsync();
                        return;
                    }
                    length += received.Count;
                    end = received.EndOfMessage;
                }
                _heardFromClient = true;
                if (_closed) continue; // after our close frame, the peer's last messages are ignored
                if (length > limit)
                {
                    await CloseAsync(GraphQLWebSocketCloseCodes.BadRequest, ErrorMessages.WebSocketMessageTooLarge(limit));
                    continue;
                }
                GraphQLWebSocketMessage message;
                try
                {
                    message = GraphQLWebSocketMessage.Parse(buffer.AsSpan(0, length));
                }
                catch (InvalidMessageException invalid)
                {
                    await CloseAsync(GraphQLWebSocketCloseCodes.BadRequest, invalid.Message);
                    continue;
                }
                await HandleAsync(message);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private async Task OnCloseReceivedAsync()
    {
        // The client closed first (1000 when it is done): answer, as the close handshake wants.
        if (_socket.State != WebSocketState.CloseReceived) return;
        using var timeout = new CancellationTokenSource(CloseGrace);
        await _sender.CloseAsync((int)WebSocketCloseStatus.NormalClosure, "", timeout.Token);
    }

    private async Task HandleAsync(GraphQLWebSocketMessage message)
    {
        switch (message.Type)
        {
            case GraphQLWebSocketMessage.ConnectionInit:
                await OnInitAsync(message.Payload);
                break;
            case GraphQLWebSocketMessage.Ping:
                await _sender.SendPongAsync(message.Payload, _closing.Token);
                break;
            case GraphQLWebSocketMessage.Pong:
                break;
            case GraphQLWebSocketMessage.Subscribe:
                await OnSubscribeAsync(message.Id!, message.Request!);
                break;
            case GraphQLWebSocketMessage.Complete:
                lock (_operations)
                {
                    // The id is free at once; the operation stops without sending anything more.
                    if (_operations.Remove(message.Id!, out var operation)) operation.Cancel();
                }
                break;
        }
    }

    private async Task OnInitAsync(IReadOnlyDictionary<string, object?>? payload)
    {
        if (_initReceived)
        {
            await CloseAsync(GraphQLWebSocketCloseCodes.TooManyInitialisationRequests, ErrorMessages.WebSocketTooManyInits);
            return;
        }
        _initReceived = true;

        var subscriptions = _options.Subscriptions;
        if (subscriptions.OnConnect is { } onConnect)
        {
            bool permitted;
            try
            {
                permitted = await onConnect(_context, payload);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                _logger.LogError(failure, "The GraphQL WebSocket connection check failed");
                await CloseAsync(GraphQLWebSocketCloseCodes.InternalServerError, ErrorMessages.WebSocketInternalError);
                return;
            }
            if (!permitted)
            {
                await CloseAsync(GraphQLWebSocketCloseCodes.Forbidden, ErrorMessages.WebSocketForbidden);
                return;
            }
        }
        // After OnConnect, which may have set the user from the connection parameters.
        _userKey = subscriptions.UserKey(_context);
        _acknowledged = true;
        await _sender.SendAckAsync(_closing.Token);
        _keepAlive = KeepAliveAsync(subscriptions.KeepAliveInterval);
    }

    private async Task OnSubscribeAsync(string id, GraphQLHttpRequest request)
    {
        if (!_acknowledged)
        {
            await CloseAsync(GraphQLWebSocketCloseCodes.Unauthorized, ErrorMessages.WebSocketUnauthorized);
            return;
        }
        var operation = new Operation(id, CancellationTokenSource.CreateLinkedTokenSource(_closing.Token));
        lock (_operations)
        {
            if (!_operations.TryAdd(id, operation)) operation = null;
            else _running.Add(operation);
        }
        if (operation is null)
        {
            await CloseAsync(GraphQLWebSocketCloseCodes.SubscriberAlreadyExists, ErrorMessages.WebSocketSubscriberExists(id));
            return;
        }
        // Off the receive loop: parsing and validation take CPU, and a subscription runs for hours.
        operation.Task = Task.Run(() => RunOperationAsync(operation, request));
    }

    private async Task RunOperationAsync(Operation operation, GraphQLHttpRequest request)
    {
        var cancellation = operation.Token;
        try
        {
            var validated = _executor.Validate(_schema, request.Query!, cancellation);
            if (validated.Errors is { } errors) await SendErrorAsync(operation, errors);
            else if (validated.OperationTypeOf(request.OperationName) == OperationType.Subscription) await RunStreamAsync(operation, request, validated);
            else await RunSingleAsync(operation, request, validated);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The client completed the operation, or the socket closed.
        }
        catch (Exception gone) when (gone is WebSocketException or IOException or ObjectDisposedException && _closing.IsCancellationRequested)
        {
            // The socket went away while a result was being sent.
        }
        catch (Exception failure)
        {
            _logger.LogError(failure, "A GraphQL WebSocket operation failed");
            await CloseAsync(GraphQLWebSocketCloseCodes.InternalServerError, ErrorMessages.WebSocketInternalError);
        }
        finally
        {
            lock (_operations)
            {
                if (_operations.TryGetValue(operation.Id, out var current) && current == operation) _operations.Remove(operation.Id);
                _running.Remove(operation);
                if (operation.IsStream) _streams--;
            }
            operation.Dispose();
        }
    }

    private async Task RunSingleAsync(Operation operation, GraphQLHttpRequest request, ValidatedDocument validated)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var result = await _executor.ExecuteAsync(BuildRequest(request, validated, scope.ServiceProvider, operation.Token, stream: false));
        await SendResultAsync(operation, result);
    }

    private async Task RunStreamAsync(Operation operation, GraphQLHttpRequest request, ValidatedDocument validated)
    {
        var perConnection = _options.Subscriptions.MaxSubscriptionsPerConnection;
        lock (_operations)
        {
            if (_streams < perConnection)
            {
                _streams++;
                operation.IsStream = true;
            }
        }
        if (!operation.IsStream)
        {
            await SendErrorAsync(operation, [new GraphQLError(ErrorMessages.TooManySubscriptionsPerConnection(perConnection))]);
            return;
        }
        if (_limiter.TryAcquire(_userKey)) operation.ReleaseSlot = () => _limiter.Release(_userKey);
        else
        {
            await SendErrorAsync(operation, [new GraphQLError(ErrorMessages.TooManySubscriptionsPerUser(_options.Subscriptions.MaxSubscriptionsPerUser))]);
            return;
        }

        // The subscription's own scope lives as long as its source stream; each event gets a fresh one (EventServices).
        await using var scope = _scopes.CreateAsyncScope();
        var subscription = await _executor.SubscribeAsync(BuildRequest(request, validated, scope.ServiceProvider, operation.Token, stream: true));
        if (subscription.Error is { } error)
        {
            await SendResultAsync(operation, error);
            return;
        }
        await foreach (var result in subscription.Stream!.WithCancellation(operation.Token))
            await _sender.SendNextAsync(operation.Id, result, operation.Token);
        await _sender.SendCompleteAsync(operation.Id, operation.Token);
    }

    private ExecutionRequest BuildRequest(
        GraphQLHttpRequest request, ValidatedDocument validated, IServiceProvider services, CancellationToken cancellation, bool stream) => new()
    {
        Schema = _schema,
        Query = request.Query,
        ValidatedDocument = validated,
        OperationName = request.OperationName,
        Variables = request.Variables,
        RootValue = _options.RootValue?.Invoke(_context),
        Services = services,
        EventServices = stream ? _scopes.CreateScope : null,
        RequestItems = new Dictionary<string, object?> { [GraphQLRequestItems.HttpContext] = _context },
        AllowedOperations = AllowedOperations.All,
        IsAnonymous = _context.User.Identity?.IsAuthenticated != true,
        CancellationToken = cancellation,
    };

    /// <summary>A request error (no data) is the protocol's error message; anything else one next, then complete.</summary>
    private async Task SendResultAsync(Operation operation, ExecutionResult result)
    {
        if (!result.HasData && result.Errors is { Count: > 0 } errors)
        {
            await SendErrorAsync(operation, errors);
            return;
        }
        await _sender.SendNextAsync(operation.Id, result, operation.Token);
        await _sender.SendCompleteAsync(operation.Id, operation.Token);
    }

    private Task SendErrorAsync(Operation operation, IReadOnlyList<GraphQLError> errors) =>
        _sender.SendErrorAsync(operation.Id, errors, operation.Token);

    /// <summary>Closes 4408 when no connection_init arrives in time.</summary>
    private async Task WatchInitAsync()
    {
        try
        {
            await Task.Delay(_options.Subscriptions.ConnectionInitTimeout, _closing.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        if (!_initReceived)
            await CloseAsync(GraphQLWebSocketCloseCodes.ConnectionInitialisationTimeout, ErrorMessages.WebSocketInitTimeout);
    }

    /// <summary>
    /// Pings every interval; a peer that sent nothing at all (not even the pong) since the previous ping is gone,
    /// and its socket is dropped, which ends its subscriptions. Protocol pings rather than WebSocket control frames,
    /// so a browser's client sees them and the host's WebSocket keep-alive can stay off.
    /// </summary>
    private async Task KeepAliveAsync(TimeSpan interval)
    {
        if (interval <= TimeSpan.Zero || interval == Timeout.InfiniteTimeSpan) return;
        try
        {
            using var timer = new PeriodicTimer(interval);
            Task? ping = null;
            while (await timer.WaitForNextTickAsync(_closing.Token))
            {
                // A ping still unsent after a whole interval means a peer that stopped reading: as gone as a silent one.
                if (ping is not null && (!_heardFromClient || !ping.IsCompleted))
                {
                    _socket.Abort();
                    _receiving.Cancel();
                    break;
                }
                if (ping is { IsCompletedSuccessfully: false }) break; // it failed: the socket is gone (observed below)
                _heardFromClient = false;
                ping = _sender.SendPingAsync(_closing.Token);
            }
            if (ping is not null) await ping;
        }
        catch (Exception gone) when (gone is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            // The socket closed meanwhile.
        }
    }

    /// <summary>
    /// Sends our close frame, stops every operation and gives the peer a moment to answer before the receive loop
    /// gives up on it.
    /// </summary>
    private async Task CloseAsync(int code, string reason)
    {
        _closed = true;
        try
        {
            using var timeout = new CancellationTokenSource(CloseGrace);
            await _sender.CloseAsync(code, reason, timeout.Token);
        }
        catch (Exception gone) when (gone is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            // Nobody left to tell.
        }
        try
        {
            _closing.Cancel();
            _receiving.CancelAfter(CloseGrace);
        }
        catch (ObjectDisposedException)
        {
            // The connection already ended.
        }
    }

    /// <summary>Waits briefly for the peer's answer to a close frame, so it sees a clean close handshake.</summary>
    internal static async Task AwaitCloseReplyAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(CloseGrace);
        var scratch = new byte[256];
        try
        {
            while (socket.State == WebSocketState.CloseSent)
                await socket.ReceiveAsync(scratch.AsMemory(), timeout.Token);
        }
        catch (Exception gone) when (gone is OperationCanceledException or WebSocketException or IOException)
        {
            // It left without answering.
        }
    }

    private sealed class Operation(string id, CancellationTokenSource cancellation) : IDisposable
    {
        public string Id { get; } = id;

        public CancellationToken Token { get; } = cancellation.Token;

        public Task Task { get; set; } = Task.CompletedTask;

        /// <summary>Whether it holds one of the connection's subscription slots.</summary>
        public bool IsStream { get; set; }

        /// <summary>Gives back its slot in the per-user count when it ends.</summary>
        public Action? ReleaseSlot { get; set; }

        public void Cancel() => cancellation.Cancel();

        public void Dispose()
        {
            ReleaseSlot?.Invoke();
            cancellation.Dispose();
        }
    }
}
