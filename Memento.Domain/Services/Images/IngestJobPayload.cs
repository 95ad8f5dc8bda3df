using System.Text.Json;

namespace Memento.Domain.Services.Images;

/// <summary>What an "image-ingest" job carries: the image and its uploaded file, relative to the data directory.</summary>
public sealed record IngestJobPayload(long ImageId, string Upload)
{
    public const string Kind = "image-ingest";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static IngestJobPayload FromJson(string json) =>
        JsonSerializer.Deserialize<IngestJobPayload>(json, Json) ?? throw new InvalidDataException("Empty job payload.");
}
