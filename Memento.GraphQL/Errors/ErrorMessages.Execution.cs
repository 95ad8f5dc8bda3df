namespace Memento.GraphQL.Errors;

// Messages of execution (spec section 6) and of the HTTP endpoint.
public static partial class ErrorMessages
{
    public const string UnexpectedError = "Unexpected error.";
    public static string OperationNotFound(string name) => $"Unknown operation named \"{name}\".";
    public const string OperationNameRequired = "Must provide operation name if query contains multiple operations.";
    public const string NoOperation = "Must provide an operation.";
    public static string NoRootType(string operation) => $"Schema is not configured to execute {operation} operation.";
    public static string OperationNotAllowed(string operation) => $"Can only perform a {operation} operation from a POST request.";
    public static string NonNullFieldReturnedNull(string parentType, string field) =>
        $"Cannot return null for non-nullable field {parentType}.{field}.";
    public static string ExpectedIterable(string parentType, string field) =>
        $"Expected Iterable, but did not find one for field \"{parentType}.{field}\".";
    public static string AbstractTypeUnresolved(string abstractType, string parentType, string field) =>
        $"Abstract type \"{abstractType}\" must resolve to an Object type at runtime for field \"{parentType}.{field}\". " +
        $"Either the \"{abstractType}\" type should provide a \"resolveType\" function or each possible type should provide an \"isTypeOf\" function.";
    public static string AbstractTypeNotPossible(string runtimeType, string abstractType) =>
        $"Runtime Object type \"{runtimeType}\" is not a possible type for \"{abstractType}\".";
    public static string AbstractTypeUnknown(string runtimeType, string abstractType) =>
        $"Abstract type \"{abstractType}\" was resolved to a type \"{runtimeType}\" that does not exist inside the schema.";
    public static string LeafSerializationFailed(string type, string detail) => $"{type} cannot represent value: {detail}";
    public static string VariableRequired(string name, string type) =>
        $"Variable \"${name}\" of required type \"{type}\" was not provided.";
    public static string VariableNonNull(string name, string type) =>
        $"Variable \"${name}\" of non-null type \"{type}\" must not be null.";
    public static string VariableInvalid(string name, string detail) => $"Variable \"${name}\" got invalid value {detail}";
    public static string VariableNotInputType(string name, string type) =>
        $"Variable \"${name}\" expected value of type \"{type}\" which cannot be used as an input type.";
    public static string ArgumentRequired(string name, string type) =>
        $"Argument \"{name}\" of required type \"{type}\" was not provided.";
    public static string ArgumentVariableRequired(string name, string type, string variable) =>
        $"Argument \"{name}\" of required type \"{type}\" was provided the variable \"${variable}\" which was not provided a runtime value.";
    public static string ArgumentNonNull(string name, string type) => $"Argument \"{name}\" of non-null type \"{type}\" must not be null.";
    public static string ArgumentInvalid(string name, string value) => $"Argument \"{name}\" has invalid value {value}.";
    public static string RequestTimedOut(TimeSpan limit) =>
        $"The request took longer than its time budget of {limit.TotalSeconds:0.###} seconds and was stopped.";
    public const string TooDeepToProcess =
        "The request nests too deeply to be processed (fragments, values or results); flatten it.";
    public static string JsonTooDeep(int max) => $"The JSON of the request nests deeper than {max} levels.";
    public const string JsonInvalidUtf8 = "The request is not valid UTF-8.";
    public const string JsonLoneSurrogate =
        "The request contains a \\u escape of a lone surrogate (such as \\ud800), which is not a Unicode character.";
    public const string HttpMethodNotAllowed = "GraphQL requests use GET (queries only) or POST.";
    public const string HttpNotAcceptable = "Accept application/graphql-response+json or application/json.";
    public const string HttpUnsupportedContentType = "Send the request as application/json, or as multipart/form-data for uploads.";
    public const string HttpMissingQuery = "The request has no query.";
    public const string HttpMutationOverGet = "Only query operations can be sent with GET; use POST.";
    public const string HttpPreflightRequired =
        "Multipart requests must carry a GraphQL-Preflight header (protection against cross-site request forgery).";
    public static string HttpTooLarge(long limit) => $"The request body is larger than the limit of {limit} bytes.";
    public const string HttpStreamMethodNotAllowed = "The event stream is opened with GET or POST.";
    public const string HttpStreamNotAcceptable = "Accept text/event-stream to open the event stream.";
    public const string HttpConnectionRefused = "The connection was refused.";
    public static string HttpTooManySubscriptions(int limit) =>
        $"Too many subscriptions: at most {limit} may be open at once; close one before opening another.";
}

public static partial class ErrorMessages
{
    public const string NoDocument = "Must provide document.";
    public const string SubscriptionsUnsupported =
        "Subscriptions are served over Server-Sent Events (POST or GET with Accept: text/event-stream at /graphql/stream) " +
        "or WebSocket (graphql-transport-ws at /graphql).";
    public static string NotASubscription(string operation) =>
        $"Only subscription operations can be subscribed to; this is a {operation} operation: execute it instead.";
    public static string SubscriptionNotAStream(string field, string received) =>
        $"Subscription field \"{field}\" must return an event stream (an IAsyncEnumerable). Received: {received}.";
}
