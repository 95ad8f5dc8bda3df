using Memento.Domain.Datasets;
using Memento.Domain.Services.Pictures;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.Pictures;

/// <summary>Replacements and copies, for the administrators of the projects involved.</summary>
public sealed class PictureLinkMutations
{
    /// <summary>
    /// Makes one picture the replacement of another (searches then hide the older one unless include_obsolete).
    /// Both pictures' projects must be administered by the caller; a picture has at most one replacement (CONFLICT)
    /// and replacements never form a loop (VALIDATION).
    /// </summary>
    public async Task<PictureLinkPayload> ReplacePicture(ReplacePictureInput input, IResolveContext context,
        PictureLinkService links, PictureReader pictures)
    {
        await links.ReplaceAsync(ApiCaller.Of(context), input.Id, input.ReplacesId, context.CancellationToken);
        return new((await pictures.ReadAsync([input.Id], context.CancellationToken))[0]);
    }

    /// <summary>
    /// Copies a picture the caller can read into a project the caller administers: same metadata, licences, nature,
    /// its own files, the same regions (in an annotation of the category "Copied pictures"), copiedFrom set.
    /// </summary>
    public async Task<PictureLinkPayload> CopyPicture(CopyPictureInput input, IResolveContext context,
        PictureLinkService links, PictureReader pictures)
    {
        var id = await links.CopyAsync(ApiCaller.Of(context), input.Id, input.ProjectId, context.CancellationToken);
        return new((await pictures.ReadAsync([id], context.CancellationToken))[0]);
    }
}
