using Memento.GraphQL.Language.Ast;
using Memento.GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.GraphQL.Execution;

/// <summary>Which operation types a request may run; GET requests allow only queries.</summary>
[Flags]
public enum AllowedOperations
{
    Query = 1,
    Mutation = 2,
    Subscription = 4,
    All = Query | Mutation | Subscription,
}

/// <summary>
/// Everything one execution needs. Give a <see cref="ValidatedDocument"/>, a parsed <see cref="Document"/> or
/// <see cref="Query"/> text (the first of these that is set is run).
/// </summary>
public sealed class ExecutionRequest
{
    /// <summary>The schema to execute against.</summary>
    public required GraphQLSchema Schema { get; init; }

    /// <summary>The document text; parsed and validated once, then cached by its text.</summary>
    public string? Query { get; init; }

    /// <summary>An already parsed document; validated on every call (no cache key).</summary>
    public DocumentNode? Document { get; init; }

    /// <summary>
    /// A document <see cref="GraphQLExecutor.Validate"/> already validated against <see cref="Schema"/>: run without
    /// validating again.
    /// </summary>
    public ValidatedDocument? ValidatedDocument { get; init; }

    /// <summary>Which operation of the document to run; required when it has several.</summary>
    public string? OperationName { get; init; }

    /// <summary>Raw variable values as decoded from JSON (dictionaries, lists, strings, numbers, booleans, files).</summary>
    public IReadOnlyDictionary<string, object?>? Variables { get; init; }

    /// <summary>The source of root fields.</summary>
    public object? RootValue { get; init; }

    /// <summary>Services for resolvers (the request scope over HTTP).</summary>
    public IServiceProvider? Services { get; init; }

    /// <summary>
    /// For subscriptions: a new DI scope per event, disposed after the event's execution, so a subscription that
    /// lives for hours does not keep one DbContext (or share it between events). Null: events use <see cref="Services"/>.
    /// </summary>
    public Func<IServiceScope>? EventServices { get; init; }

    /// <summary>
    /// State shared by all resolvers of this request; a new dictionary when not given. Each event of a subscription
    /// gets its own copy of these entries (and so its own DataLoaders).
    /// </summary>
    public IDictionary<string, object?>? RequestItems { get; init; }

    /// <summary>Operation types this request may run; others yield <see cref="ExecutionResult.IsOperationNotAllowed"/>.</summary>
    public AllowedOperations AllowedOperations { get; init; } = AllowedOperations.All;

    /// <summary>Whether the caller is anonymous (affects <see cref="ExecutionOptions.AllowAnonymousIntrospection"/>).</summary>
    public bool IsAnonymous { get; init; }

    /// <summary>Quoted in "Unexpected error." responses and logs; the HTTP trace identifier over HTTP.</summary>
    public string? TraceId { get; init; }

    /// <summary>Cancels execution, e.g. when the HTTP client goes away.</summary>
    public CancellationToken CancellationToken { get; init; }
}
