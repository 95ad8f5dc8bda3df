using Memento.Domain.Authorization;

namespace Memento.Server.Endpoints.DatasetApi;

/// <summary>
/// The dataset API's one error shape, <c>{"error": message, "field": name}</c> (field only when one input is at
/// fault; the query endpoint adds line and column), and the mapping from domain errors to HTTP statuses.
/// </summary>
public static class ApiErrors
{
    public static IResult Error(int status, string message, string? field = null) =>
        TypedResults.Json(field is null ? new Dictionary<string, object?> { ["error"] = message }
            : new Dictionary<string, object?> { ["error"] = message, ["field"] = field }, statusCode: status);

    public static IResult From(MementoException e) => Error(e.Code switch
    {
        ErrorCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        ErrorCode.Forbidden => StatusCodes.Status403Forbidden,
        ErrorCode.NotFound => StatusCodes.Status404NotFound,
        ErrorCode.Conflict => StatusCodes.Status409Conflict,
        ErrorCode.RateLimited => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status400BadRequest,
    }, e.Message, e.Field);

    /// <summary>A body larger than the dataset API's limit.</summary>
    public sealed class TooLargeException(long limit) : Exception($"The request is larger than this server accepts ({limit / (1024 * 1024)} MiB).");

    /// <summary>Turns domain errors and over-limit bodies of every /api endpoint into the error shape.</summary>
    public static TBuilder WithApiErrors<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (MementoException e)
            {
                return From(e);
            }
            catch (TooLargeException e)
            {
                return Error(StatusCodes.Status413PayloadTooLarge, e.Message);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                return Error(StatusCodes.Status413PayloadTooLarge, "The request is larger than this server accepts.");
            }
        });
}
