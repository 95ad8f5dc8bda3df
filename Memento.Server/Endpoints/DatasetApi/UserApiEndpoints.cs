using System.Text.Json.Nodes;
using Memento.Domain.Services.Pictures;

namespace Memento.Server.Endpoints.DatasetApi;

/// <summary>The document's <c>/api/user/</c> (name → {admin}, paged by offset and limit) and <c>/api/user/&lt;name&gt;/</c>
/// ({id, admin, joined}); signed-in callers only (<see cref="DatasetUserService"/>).</summary>
public static class UserApiEndpoints
{
    public static RouteGroupBuilder MapUserApi(this RouteGroupBuilder api)
    {
        api.MapGet("/user", ListAsync);
        api.MapGet("/user/{name}", GetAsync);
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext http, DatasetUserService users, int? offset, int? limit)
    {
        var page = await users.ListAsync(http.Caller(), offset ?? 0, limit ?? DatasetUserService.MaxLimit, http.RequestAborted);
        var result = new JsonObject();
        foreach (var user in page) result[user.Name] = new JsonObject { ["admin"] = user.Admin };
        return PictureJson.Json(result);
    }

    private static async Task<IResult> GetAsync(HttpContext http, DatasetUserService users, string name)
    {
        var user = await users.GetAsync(http.Caller(), name, http.RequestAborted);
        return PictureJson.Json(new JsonObject
        {
            ["id"] = user.Id, ["admin"] = user.Admin, ["joined"] = user.Joined.ToUnixTimeSeconds(),
        });
    }
}
