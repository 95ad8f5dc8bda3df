using System.Text.Json.Nodes;
using System.Text.Json;
using Memento.Domain.Datasets;
using Memento.Server.Hosting;
using Microsoft.Extensions.Options;

namespace Memento.Server.Endpoints.DatasetApi;

/// <summary>
/// A picture in the dataset document's keys (a query's list item, <c>/api/picture/&lt;id&gt;/</c>), with the
/// download URL made absolute (the configured public URL, else the request's own scheme and host).
/// </summary>
public static class PictureJson
{
    public static JsonObject Of(Picture p, string origin) => new()
    {
        ["id"] = p.Id,
        ["title"] = p.Title,
        ["description"] = p.Description,
        ["author"] = p.Author,
        ["origin_url"] = p.OriginUrl,
        ["timestamp"] = p.Timestamp,
        ["width"] = p.Width,
        ["height"] = p.Height,
        ["file_format"] = p.FileFormat,
        ["nature"] = p.Nature,
        ["licences"] = new JsonArray([.. p.Licences.Select(l => (JsonNode?)JsonValue.Create(l))]),
        ["replaces"] = p.Replaces,
        ["replaced_by"] = p.ReplacedBy,
        ["regions"] = new JsonArray([.. p.Regions.Select(r => (JsonNode?)new JsonObject
        {
            ["type"] = r.Type, ["shape"] = JsonNode.Parse(r.Shape.GetRawText()), ["object"] = r.Object,
        })]),
        ["download"] = origin + PictureUrls.Download(p.Id),
    };

    /// <summary>Adds the document's rating keys: the average (null when unrated) and the count of each grade, "1" to "5".</summary>
    public static JsonObject WithRatings(JsonObject picture, PictureRatings ratings)
    {
        picture["rating_average"] = ratings.Average;
        var counts = new JsonObject();
        for (var grade = 1; grade <= 5; grade++) counts[grade.ToString(System.Globalization.CultureInfo.InvariantCulture)] = ratings.CountPerGrade[grade - 1];
        picture["rating_count"] = counts;
        return picture;
    }

    /// <summary>Scheme, host and base path that absolute URLs start with.</summary>
    public static string Origin(HttpContext http)
    {
        var configured = http.RequestServices.GetRequiredService<IOptions<MementoOptions>>().Value.PublicUrl;
        return !string.IsNullOrWhiteSpace(configured) ? configured.TrimEnd('/')
            : $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
    }

    public static IResult Json(JsonNode node) => TypedResults.Text(node.ToJsonString(Options), "application/json");

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };
}
