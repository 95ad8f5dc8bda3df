using System.Text.Json.Nodes;
using Memento.Domain.Services.Licences;
using Memento.Domain.Services.Natures;

namespace Memento.Server.Endpoints.DatasetApi;

/// <summary>The document's <c>/api/licence/</c> (id → {title, free, pinned}), <c>/api/licence/&lt;id&gt;/</c> and
/// <c>/api/nature/</c> (id → description); readable by anyone, signed in or not.</summary>
public static class VocabularyApiEndpoints
{
    public static RouteGroupBuilder MapVocabularyApi(this RouteGroupBuilder api)
    {
        api.MapGet("/licence", ListLicencesAsync);
        api.MapGet("/licence/{id}", GetLicenceAsync);
        api.MapGet("/nature", ListNaturesAsync);
        return api;
    }

    private static async Task<IResult> ListLicencesAsync(LicenceService licences, CancellationToken ct)
    {
        var result = new JsonObject();
        foreach (var l in await licences.ListAsync(ct))
            result[l.Id] = new JsonObject { ["title"] = l.Title, ["free"] = l.Free, ["pinned"] = l.Pinned };
        return PictureJson.Json(result);
    }

    private static async Task<IResult> GetLicenceAsync(LicenceService licences, string id, CancellationToken ct)
    {
        var l = await licences.GetAsync(id, ct);
        return PictureJson.Json(new JsonObject
        {
            ["id"] = l.Id, ["title"] = l.Title, ["description"] = l.Description, ["info_url"] = l.InfoUrl,
            ["legalese_url"] = l.LegaleseUrl, ["free"] = l.Free, ["pinned"] = l.Pinned, ["logo_url"] = l.LogoUrl,
        });
    }

    private static async Task<IResult> ListNaturesAsync(NatureService natures, CancellationToken ct)
    {
        var result = new JsonObject();
        foreach (var n in await natures.ListAsync(ct)) result[n.Id] = n.Description;
        return PictureJson.Json(result);
    }
}
