using Memento.Domain.Services.Images;
using Memento.GraphQL.Types;

namespace Memento.Schema.Api.Images;

/// <summary>A multipart upload of the GraphQL endpoint, as the domain's <see cref="IncomingFile"/>.</summary>
internal sealed class UploadedIncomingFile(IUploadedFile upload) : IncomingFile
{
    public override string FileName => upload.FileName;

    public override long Length => upload.Length;

    public override Stream OpenReadStream() => upload.OpenReadStream();

    public override bool TryMoveTo(string destination) => upload.TryMoveTo(destination);
}
