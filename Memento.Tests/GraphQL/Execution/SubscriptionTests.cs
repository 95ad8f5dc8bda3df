using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Memento.GraphQL.Errors;
using Memento.GraphQL.Execution;
using Memento.GraphQL.Execution.DataLoader;
using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using static Memento.Tests.GraphQL.Execution.ExecutionHarness;

namespace Memento.Tests.GraphQL.Execution;

/// <summary>
/// Spec 6.2.3 Subscribe (CreateSourceEventStream, MapSourceToResponseEvent), after graphql-js's subscribe-test.ts:
/// an inbox that announces important emails.
/// </summary>
public class SubscriptionTests
{
    private sealed record Email(string From, string Subject, bool Unread);

    private sealed record Inbox(IReadOnlyList<Email> Emails)
    {
        public int Total => Emails.Count;

        public int Unread => Emails.Count(e => e.Unread);
    }

    private sealed record EmailEvent(Email Email, Inbox Inbox);

    /// <summary>A publisher: a channel per subscription, and a signal when the subscriber's stream is disposed.</summary>
    private sealed class PubSub<T>
    {
        private readonly Channel<T> _channel = Channel.CreateUnbounded<T>();

        public TaskCompletionSource Disposed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Subscribed;

        public void Publish(T item) => _channel.Writer.TryWrite(item);

        public void Complete() => _channel.Writer.TryComplete();

        public async IAsyncEnumerable<T> Stream([EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Subscribed);
            try
            {
                await foreach (var item in _channel.Reader.ReadAllAsync(cancellationToken)) yield return item;
            }
            finally
            {
                Disposed.TrySetResult();
            }
        }
    }

    private static GraphQLSchema EmailSchema(Func<IResolveContext, ValueTask<object?>> subscribe, FieldResolver? resolve = null,
        Action<ObjectType>? extendEmail = null)
    {
        var email = new ObjectType("Email");
        email.AddField("from", ScalarType.String);
        email.AddField("subject", ScalarType.String);
        email.AddField("unread", ScalarType.Boolean);
        extendEmail?.Invoke(email);
        var inbox = new ObjectType("Inbox");
        inbox.AddField("total", ScalarType.Int);
        inbox.AddField("unread", ScalarType.Int);
        inbox.AddField("emails", email.List());
        var emailEvent = new ObjectType("EmailEvent");
        emailEvent.AddField("email", email);
        emailEvent.AddField("inbox", inbox);
        var query = new ObjectType("Query");
        query.AddField("inbox", inbox);
        var subscription = new ObjectType("Subscription");
        subscription.AddField(new FieldDefinition("importantEmail", emailEvent, resolve) { Subscribe = c => subscribe(c) })
            .AddArgument(new ArgumentDefinition("priority", ScalarType.Int));
        return new GraphQLSchema(query, subscription: subscription);
    }

    private const string ImportantEmail = """
        subscription ($priority: Int = 0) {
          importantEmail(priority: $priority) {
            email { from subject }
            inbox { unread total }
          }
        }
        """;

    private static readonly Inbox TheInbox = new([new Email("joe@graphql.org", "Hello", false)]);

    private static EmailEvent Arrived(string from, string subject) =>
        new(new Email(from, subject, true), TheInbox with { Emails = [.. TheInbox.Emails, new Email(from, subject, true)] });

    /// <summary>A payload as graphql-js's tests publish it: the root field's value under its name.</summary>
    private static Dictionary<string, object?> Payload(EmailEvent e) => new() { ["importantEmail"] = e };

    private static Task<SubscriptionResult> SubscribeAsync(GraphQLSchema schema, string query, Dictionary<string, object?>? variables = null,
        string? operationName = null, ExecutionOptions? options = null, CancellationToken cancellationToken = default,
        IDictionary<string, object?>? items = null, Func<IServiceScope>? eventServices = null) =>
        new GraphQLExecutor(options).SubscribeAsync(new ExecutionRequest
        {
            Schema = schema,
            Query = query,
            Variables = variables,
            OperationName = operationName,
            CancellationToken = cancellationToken,
            RequestItems = items,
            EventServices = eventServices,
            TraceId = "trace-1",
        });

    /// <summary>Reads the next result, failing instead of hanging when none comes.</summary>
    private static async Task<string> NextAsync(IAsyncEnumerator<ExecutionResult> stream)
    {
        Assert.True(await stream.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)), "The stream ended early.");
        return stream.Current.ToJson();
    }

    private static async Task ExpectEndAsync(IAsyncEnumerator<ExecutionResult> stream) =>
        Assert.False(await stream.MoveNextAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)), "The stream did not end.");

    [Fact]
    public async Task Each_published_event_yields_one_result_in_order_and_the_stream_ends_with_the_source()
    {
        var pubsub = new PubSub<Dictionary<string, object?>>();
        var schema = EmailSchema(_ => new(pubsub.Stream()));
        var result = await SubscribeAsync(schema, ImportantEmail);
        Assert.Null(result.Error);
        await using var stream = result.Stream!.GetAsyncEnumerator();

        pubsub.Publish(Payload(Arrived("yuzhi@graphql.org", "Alright")));
        pubsub.Publish(Payload(Arrived("hyo@graphql.org", "Tools")));
        AssertJson("""
            { 'data': { 'importantEmail': { 'email': { 'from': 'yuzhi@graphql.org', 'subject': 'Alright' }, 'inbox': { 'unread': 1, 'total': 2 } } } }
            """, await NextAsync(stream));
        AssertJson("""
            { 'data': { 'importantEmail': { 'email': { 'from': 'hyo@graphql.org', 'subject': 'Tools' }, 'inbox': { 'unread': 1, 'total': 2 } } } }
            """, await NextAsync(stream));
        pubsub.Complete();
        await ExpectEndAsync(stream);
        await pubsub.Disposed.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_subscribe_resolver_gets_the_coerced_arguments_and_the_root_resolver_maps_each_event()
    {
        int? priority = null;
        var schema = EmailSchema(c =>
        {
            priority = (int?)c.Arguments["priority"];
            return new(Events(Arrived("a@x.org", "One"), Arrived("b@x.org", "Two")));
        }, resolve: c => new(c.Source));
        var result = await SubscribeAsync(schema, "subscription S($p: Int) { importantEmail(priority: $p) { email { from } } }",
            new() { ["p"] = 3 });
        await using var stream = result.Stream!.GetAsyncEnumerator();
        AssertJson("{ 'data': { 'importantEmail': { 'email': { 'from': 'a@x.org' } } } }", await NextAsync(stream));
        AssertJson("{ 'data': { 'importantEmail': { 'email': { 'from': 'b@x.org' } } } }", await NextAsync(stream));
        await ExpectEndAsync(stream);
        Assert.Equal(3, priority);
    }

    private static async IAsyncEnumerable<EmailEvent> Events(params EmailEvent[] events)
    {
        foreach (var e in events)
        {
            await Task.Yield();
            yield return e;
        }
    }

    [Theory]
    [InlineData("subscription { importantEmail { email { from } } inbox: importantEmail { inbox { total } } }", null, null,
        "Anonymous Subscription must select only one top level field.")]
    [InlineData("subscription S { importantEmail { email { from } } }", "T", null, "Unknown operation named \"T\".")]
    [InlineData("subscription S($p: Int!) { importantEmail(priority: $p) { email { from } } }", null, null,
        "Variable \"$p\" of required type \"Int!\" was not provided.")]
    [InlineData("subscription S($p: Int) { importantEmail(priority: $p) { email { from } } }", null, "high",
        "Variable \"$p\" got invalid value \"high\"; Int cannot represent non-integer value: \"high\"")]
    [InlineData("subscription { importantEmail { email { from } }", null, null, "Syntax Error: Expected Name, found <EOF>.")]
    [InlineData("{ inbox { total } }", null, null, "Only subscription operations can be subscribed to; this is a query operation: execute it instead.")]
    public async Task Request_errors_come_back_once_without_a_stream(string query, string? operationName, string? priority, string message)
    {
        var pubsub = new PubSub<Dictionary<string, object?>>();
        var result = await SubscribeAsync(EmailSchema(_ => new(pubsub.Stream())), query,
            priority is null ? null : new() { ["p"] = priority }, operationName);
        Assert.Null(result.Stream);
        Assert.False(result.Error!.HasData);
        Assert.Equal(message, Assert.Single(result.Error.Errors!).Message);
        Assert.Equal(0, pubsub.Subscribed);
    }

    [Fact]
    public async Task A_subscribe_resolver_that_throws_gives_a_located_error_and_no_stream()
    {
        var schema = EmailSchema(_ => throw new GraphQLException("No inbox for you.", "FORBIDDEN"));
        var result = await SubscribeAsync(schema, "subscription {\n  importantEmail { email { from } }\n}");
        Assert.Null(result.Stream);
        AssertJson("""
            { 'errors': [ { 'message': 'No inbox for you.', 'locations': [ { 'line': 2, 'column': 3 } ], 'path': [ 'importantEmail' ],
                            'extensions': { 'code': 'FORBIDDEN' } } ] }
            """, result.Error!.ToJson());
    }

    [Fact]
    public async Task A_subscribe_resolver_that_gives_no_stream_is_an_error()
    {
        var result = await SubscribeAsync(EmailSchema(_ => new("not a stream")), "subscription { importantEmail { email { from } } }");
        Assert.Null(result.Stream);
        Assert.Equal(ErrorMessages.SubscriptionNotAStream("importantEmail", "\"not a stream\""), Assert.Single(result.Error!.Errors!).Message);
    }

    [Fact]
    public async Task A_resolver_error_on_one_event_is_in_that_event_and_the_stream_goes_on()
    {
        var schema = EmailSchema(_ => new(Events(Arrived("a@x.org", "One"), Arrived("spam@x.org", "Two"), Arrived("c@x.org", "Three"))),
            resolve: c => new(c.Source),
            extendEmail: email => email.AddField("sender", ScalarType.String, c => ((Email)c.Source!).From.StartsWith("spam")
                ? throw new GraphQLException("Sender hidden.", "FORBIDDEN")
                : new(((Email)c.Source!).From)));
        var result = await SubscribeAsync(schema, "subscription { importantEmail { email { sender } } }");
        await using var stream = result.Stream!.GetAsyncEnumerator();
        AssertJson("{ 'data': { 'importantEmail': { 'email': { 'sender': 'a@x.org' } } } }", await NextAsync(stream));
        AssertJson("""
            { 'errors': [ { 'message': 'Sender hidden.', 'locations': [ { 'line': 1, 'column': 41 } ], 'path': [ 'importantEmail', 'email', 'sender' ],
                            'extensions': { 'code': 'FORBIDDEN' } } ],
              'data': { 'importantEmail': { 'email': { 'sender': null } } } }
            """, await NextAsync(stream));
        AssertJson("{ 'data': { 'importantEmail': { 'email': { 'sender': 'c@x.org' } } } }", await NextAsync(stream));
        await ExpectEndAsync(stream);
    }

    [Fact]
    public async Task A_source_stream_that_throws_ends_with_one_result_carrying_the_located_error()
    {
        static async IAsyncEnumerable<EmailEvent> Failing()
        {
            yield return Arrived("a@x.org", "One");
            await Task.Yield();
            throw new GraphQLException("The mail server went away.", "UNAVAILABLE");
        }
        var schema = EmailSchema(_ => new(Failing()), resolve: c => new(c.Source));
        var result = await SubscribeAsync(schema, "subscription { importantEmail { email { from } } }");
        await using var stream = result.Stream!.GetAsyncEnumerator();
        AssertJson("{ 'data': { 'importantEmail': { 'email': { 'from': 'a@x.org' } } } }", await NextAsync(stream));
        AssertJson("""
            { 'errors': [ { 'message': 'The mail server went away.', 'locations': [ { 'line': 1, 'column': 16 } ], 'path': [ 'importantEmail' ],
                            'extensions': { 'code': 'UNAVAILABLE' } } ] }
            """, await NextAsync(stream));
        await ExpectEndAsync(stream);
    }

    [Fact]
    public async Task Cancelling_the_request_ends_the_stream_and_disposes_the_source()
    {
        var pubsub = new PubSub<Dictionary<string, object?>>();
        using var cancel = new CancellationTokenSource();
        var result = await SubscribeAsync(EmailSchema(_ => new(pubsub.Stream())), ImportantEmail, cancellationToken: cancel.Token);
        await using var stream = result.Stream!.GetAsyncEnumerator();
        pubsub.Publish(Payload(Arrived("a@x.org", "One")));
        await NextAsync(stream);

        var waiting = stream.MoveNextAsync().AsTask();
        cancel.Cancel();
        Assert.False(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        await pubsub.Disposed.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Leaving_the_stream_early_disposes_the_source()
    {
        var pubsub = new PubSub<Dictionary<string, object?>>();
        var result = await SubscribeAsync(EmailSchema(_ => new(pubsub.Stream())), ImportantEmail);
        pubsub.Publish(Payload(Arrived("a@x.org", "One")));
        pubsub.Publish(Payload(Arrived("b@x.org", "Two")));
        await foreach (var _ in result.Stream!) break;
        await pubsub.Disposed.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Each_event_gets_its_own_DataLoaders_and_request_items_but_sees_the_requests_entries()
    {
        var batches = new List<string>();
        var schema = EmailSchema(_ => new(Events(Arrived("a@x.org", "One"), Arrived("a@x.org", "Two"))), resolve: c => new(c.Source),
            extendEmail: email => email.AddField("senderName", ScalarType.String, async c =>
            {
                // An entry left by an earlier event would show here.
                var earlier = c.RequestItems.ContainsKey("seen");
                c.RequestItems["seen"] = true;
                var name = await c.BatchLoader<string, string>("names", (keys, _) =>
                {
                    lock (batches) batches.Add(string.Join(",", keys));
                    return Task.FromResult<IReadOnlyDictionary<string, string>>(keys.ToDictionary(k => k, k => k.Split('@')[0]));
                }).LoadAsync(((Email)c.Source!).From);
                return $"{name} for {c.RequestItems["viewer"]}{(earlier ? " (stale)" : "")}";
            }));
        var result = await SubscribeAsync(schema, "subscription { importantEmail { email { senderName } } }",
            items: new Dictionary<string, object?> { ["viewer"] = "ada" });
        await using var stream = result.Stream!.GetAsyncEnumerator();
        AssertJson("{ 'data': { 'importantEmail': { 'email': { 'senderName': 'a for ada' } } } }", await NextAsync(stream));
        AssertJson("{ 'data': { 'importantEmail': { 'email': { 'senderName': 'a for ada' } } } }", await NextAsync(stream));
        // A loader shared between events would have served the second from its cache.
        Assert.Equal(["a@x.org", "a@x.org"], batches);
    }

    private sealed class Mailbox : IDisposable
    {
        public static int Created;

        public readonly int Number = Interlocked.Increment(ref Created);

        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }

    [Fact]
    public async Task Each_event_runs_in_its_own_service_scope_disposed_after_it()
    {
        var services = new ServiceCollection().AddScoped<Mailbox>().BuildServiceProvider();
        var seen = new List<Mailbox>();
        var schema = EmailSchema(_ => new(Events(Arrived("a@x.org", "One"), Arrived("b@x.org", "Two"))), resolve: c => new(c.Source),
            extendEmail: email => email.AddField("box", ScalarType.Boolean, c =>
            {
                var box = c.Services.GetRequiredService<Mailbox>();
                seen.Add(box);
                return new(!box.Disposed);
            }));
        var result = await SubscribeAsync(schema, "subscription { importantEmail { email { box } } }",
            eventServices: services.GetRequiredService<IServiceScopeFactory>().CreateScope);
        await using var stream = result.Stream!.GetAsyncEnumerator();
        AssertJson("{ 'data': { 'importantEmail': { 'email': { 'box': true } } } }", await NextAsync(stream));
        AssertJson("{ 'data': { 'importantEmail': { 'email': { 'box': true } } } }", await NextAsync(stream));
        Assert.Equal(2, seen.Count);
        Assert.NotSame(seen[0], seen[1]);
        Assert.All(seen, box => Assert.True(box.Disposed));
    }

    [Fact]
    public async Task The_time_budget_applies_to_each_event_not_to_the_whole_subscription()
    {
        var options = new ExecutionOptions { RequestTimeout = TimeSpan.FromMilliseconds(300) };
        async IAsyncEnumerable<EmailEvent> Slowly()
        {
            foreach (var subject in new[] { "One", "Two", "slow", "Four" })
            {
                await Task.Delay(150);
                yield return Arrived("a@x.org", subject);
            }
        }
        var schema = EmailSchema(_ => new(Slowly()), resolve: c => new(c.Source),
            extendEmail: email => email.AddField("body", ScalarType.String, async c =>
            {
                if (((Email)c.Source!).Subject == "slow") await Task.Delay(Timeout.Infinite, c.CancellationToken);
                return "text";
            }));
        var result = await SubscribeAsync(schema, "subscription { importantEmail { email { subject body } } }", options: options);
        await using var stream = result.Stream!.GetAsyncEnumerator();
        AssertJson("{ 'data': { 'importantEmail': { 'email': { 'subject': 'One', 'body': 'text' } } } }", await NextAsync(stream));
        AssertJson("{ 'data': { 'importantEmail': { 'email': { 'subject': 'Two', 'body': 'text' } } } }", await NextAsync(stream));
        AssertJson("""
            { 'errors': [ { 'message': 'The request took longer than its time budget of 0.3 seconds and was stopped.', 'extensions': { 'code': 'TIMEOUT' } } ],
              'data': null }
            """, await NextAsync(stream));
        AssertJson("{ 'data': { 'importantEmail': { 'email': { 'subject': 'Four', 'body': 'text' } } } }", await NextAsync(stream));
    }

    [Fact]
    public async Task The_time_budget_bounds_creating_the_stream()
    {
        var options = new ExecutionOptions { RequestTimeout = TimeSpan.FromMilliseconds(100) };
        var schema = EmailSchema(async c =>
        {
            await Task.Delay(Timeout.Infinite, c.CancellationToken).WaitAsync(TimeSpan.FromSeconds(5));
            return null;
        });
        var result = await SubscribeAsync(schema, ImportantEmail, options: options);
        Assert.Null(result.Stream);
        Assert.Equal(ErrorCodes.Timeout, Assert.Single(result.Error!.Errors!).Extensions!["code"]);
    }

    [Fact]
    public async Task Execute_refuses_a_subscription_and_names_the_transports_that_serve_it()
    {
        var result = await ExecuteAsync(EmailSchema(_ => new(Events())), ImportantEmail);
        Assert.False(result.HasData);
        Assert.Equal(ErrorMessages.SubscriptionsUnsupported, Assert.Single(result.Errors!).Message);
        Assert.Contains("/graphql/stream", ErrorMessages.SubscriptionsUnsupported);
    }

    [Fact]
    public async Task A_request_that_may_not_subscribe_is_refused_as_not_allowed()
    {
        var result = await new GraphQLExecutor().SubscribeAsync(new ExecutionRequest
        {
            Schema = EmailSchema(_ => new(Events())),
            Query = ImportantEmail,
            AllowedOperations = AllowedOperations.Query,
        });
        Assert.True(result.Error!.IsOperationNotAllowed);
    }

    [Fact]
    public async Task A_validated_document_tells_its_operation_types_and_runs_without_validating_again()
    {
        var schema = EmailSchema(_ => new(Events(Arrived("a@x.org", "One"))), resolve: c => new(c.Source));
        const string document = "query Q { inbox { total } } subscription S { importantEmail { email { from } } }";
        var validated = new GraphQLExecutor().Validate(schema, document);
        Assert.Null(validated.Errors);
        Assert.Equal(OperationType.Query, validated.OperationTypeOf("Q"));
        Assert.Equal(OperationType.Subscription, validated.OperationTypeOf("S"));
        Assert.Null(validated.OperationTypeOf(null));
        Assert.Null(validated.OperationTypeOf("Nope"));

        // An executor whose depth limit the document exceeds runs it all the same: it trusts the validation.
        var strict = new GraphQLExecutor(new ExecutionOptions { MaxDepth = 1 });
        var refused = await strict.SubscribeAsync(new ExecutionRequest { Schema = schema, Query = document, OperationName = "S" });
        Assert.NotNull(refused.Error);
        var result = await strict.SubscribeAsync(new ExecutionRequest { Schema = schema, ValidatedDocument = validated, OperationName = "S" });
        await using var stream = result.Stream!.GetAsyncEnumerator();
        AssertJson("{ 'data': { 'importantEmail': { 'email': { 'from': 'a@x.org' } } } }", await NextAsync(stream));
        var query = await strict.ExecuteAsync(new ExecutionRequest { Schema = schema, ValidatedDocument = validated, OperationName = "Q", RootValue = new { inbox = TheInbox } });
        AssertJson("{ 'data': { 'inbox': { 'total': 1 } } }", query.ToJson());
    }

    [Fact]
    public void A_document_that_does_not_validate_has_errors_and_no_operation_type()
    {
        var validated = new GraphQLExecutor().Validate(EmailSchema(_ => new(Events())), "subscription { nope }");
        Assert.Equal("Cannot query field \"nope\" on type \"Subscription\".", Assert.Single(validated.Errors!).Message);
        Assert.Null(validated.OperationTypeOf(null));
    }
}
