using Memento.GraphQL.Types;
using ObjectType = Memento.GraphQL.Types.ObjectType;
using Memento.Schema.Api.Common;
using Memento.Schema.Api.Querying;
using Memento.Domain.Model;
using Memento.Domain.Services.Images;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Schema.Api.Images;

/// <summary>The <c>images(projectId)</c> connection: the project's images the caller may see, paged in SQL.</summary>
public static class ImageList
{
    /// <summary>Which ImageInfo fields clients may filter and sort on, and the columns each field reads.</summary>
    public static QueryableType<Image> Type(ObjectType imageInfo, QueryableType<Project> project) =>
        QueryableType<Image>.Over(imageInfo, ImageService.Info)
            .Field(i => i.ProjectId)
            .Field(i => i.Name, Allow.FilterAndSort)
            .Field(i => i.Type, Allow.Filter)
            .Field(i => i.FormatCode, Allow.FilterAndSort)
            .Field(i => i.ExternalUrl)
            .Field(i => i.Width, Allow.Filter)
            .Field(i => i.Height, Allow.Filter)
            .Field(i => i.State, Allow.Filter)
            .Field(i => i.Error)
            .Field(i => i.Title, Allow.FilterAndSort)
            .Field(i => i.Description, Allow.Filter)
            .Field(i => i.UploadedAt, Allow.FilterAndSort)
            .Field(i => i.Bands, Allow.Filter)
            .Field(i => i.BitDepth, Allow.Filter)
            .Field(i => i.ProgressPercent)
            .Field(i => i.OriginUrl)
            .Field(i => i.NatureId, Allow.Filter, name: "nature")
            .Reads("typeCode", i => i.Type)
            .Reads("uri", i => i.Type, i => i.ExternalUrl)
            // The file URLs exist only for READY, non-external images; the thumbnail's extension follows the bands.
            // The version in their signed prefix is the storage directory's name.
            .Reads("dziUrl", i => i.State, i => i.Type, i => i.StorageDirectory)
            .Reads("thumbnailUrl", i => i.State, i => i.Type, i => i.Bands, i => i.StorageDirectory)
            .Reads("iiifInfoUrl", i => i.State, i => i.Type, i => i.StorageDirectory)
            .Reads("licences")
            // Read by id through StatisticsByImageLoader: the JSON column stays out of list queries.
            .Reads("statistics")
            .FilterThrough(i => i.Project, project);

    public static FieldDefinition Field(QueryableType<Image> type)
    {
        var field = ConnectionField.For("images", type, context =>
            context.Services.GetRequiredService<ImageService>().VisibleInProjectAsync(ApiCaller.Of(context),
                (long)context.Arguments["projectId"]!, context.CancellationToken),
            description: "The project's images the caller may see (a category participant: those of its annotations); by id unless ordered.");
        field.AddArgument(new ArgumentDefinition("projectId", ScalarType.Long.NonNull()));
        return field;
    }
}
