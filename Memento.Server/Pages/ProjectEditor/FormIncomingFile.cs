using Memento.Domain.Services.Images;

namespace Memento.Server.Pages.ProjectEditor;

/// <summary>
/// A file posted to an upload form, as the domain's <see cref="IncomingFile"/>. ASP.NET Core's form reader has
/// already streamed it to a temporary file (beyond a small in-memory threshold; bounded by the server's
/// MaxUploadBytes), so ingest streams from there: the file is never held in memory whole.
/// </summary>
public sealed class FormIncomingFile(IFormFile file) : IncomingFile
{
    public override string FileName => file.FileName;

    public override long Length => file.Length;

    public override Stream OpenReadStream() => file.OpenReadStream();
}
