using Memento.GraphQL.CodeFirst;
using Memento.Schema.Model;

namespace Memento.Schema.Services.Images;

public sealed record ImageInfo(long Id, long ProjectId, string Name, ImageType Type, int FormatCode,
    string? ExternalUrl, int? Width, int? Height, ImageProcessingState State, string? Error, string Title,
    string Description, DateTimeOffset UploadedAt, int? Bands = null, int? BitDepth = null, int ProgressPercent = 0,
    string? OriginUrl = null, string? Nature = null, [property: GraphQLIgnore] string? StorageDirectory = null)
{
    /// <summary>The manual's type letter: '' standard, 'T' tiled, 'E' external.</summary>
    public string TypeCode => ImageCodes.TypeCode(Type);

    /// <summary>Where clients fetch the image: the external URL, or the server's image path.</summary>
    public string Uri => ImageCodes.Uri(Id, Type, ExternalUrl);
}
