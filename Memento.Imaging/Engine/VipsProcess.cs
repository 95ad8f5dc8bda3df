using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Memento.Imaging.Engine;

/// <summary>
/// Runs one libvips command-line tool as a child process. Process isolation is the point: a crash or a decompression
/// bomb never takes the server down, the engine's memory is returned to the OS when it exits, and cancellation kills it.
/// The child also dies with the server (see <see cref="ChildProcessLauncher"/>), so no conversion outlives a crash.
/// </summary>
internal sealed partial class VipsProcess(VipsEngineOptions options)
{
    public async Task<string> RunAsync(string tool, IReadOnlyList<string> args, bool allowUntrusted,
        IProgress<int>? progress, CancellationToken ct, string? workingDirectory = null)
    {
        // Arguments are passed as a vector, never through a shell.
        var psi = ChildProcessLauncher.StartInfo(ToolPath(tool), progress is not null ? ["--vips-progress", .. args] : args);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        psi.WorkingDirectory = workingDirectory ?? "";
        // Untrusted loaders (matload, magick, openslide, …) are blocked unless ingest decided the file is a whole slide.
        // libvips tests only whether the variable exists, so "allowed" means removing it.
        if (allowUntrusted) psi.Environment.Remove("VIPS_BLOCK_UNTRUSTED");
        else psi.Environment["VIPS_BLOCK_UNTRUSTED"] = "1";
        psi.Environment["VIPS_CONCURRENCY"] = options.Concurrency.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["VIPS_WARNING"] = "0";

        using var process = new Process { StartInfo = psi };
        try
        {
            await ChildProcessLauncher.StartAsync(process);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new VipsException($"The imaging engine is not installed ({tool}: {e.Message}).", tool);
        }

        var stdout = new StringBuilder();
        var stdoutTask = ReadStdoutAsync(process.StandardOutput, stdout, progress);
        var stderrTask = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw;
        }
        await stdoutTask;
        var stderr = await stderrTask;
        if (ChildProcessLauncher.FailedToExec(process.ExitCode, stderr))
            throw new VipsException($"The imaging engine is not installed ({tool}: {CleanError(stderr, "setpriv")}).", tool);
        if (process.ExitCode != 0)
            throw new VipsException(CleanError(stderr, tool), args.Count > 0 ? args[0] : tool);
        return stdout.ToString();
    }

    private string ToolPath(string tool) =>
        string.IsNullOrEmpty(options.ToolDirectory) ? tool : Path.Combine(options.ToolDirectory, tool);

    private static async Task ReadStdoutAsync(StreamReader reader, StringBuilder into, IProgress<int>? progress)
    {
        // Progress lines are separated by '\r', so read by blocks rather than lines.
        var buffer = new char[4096];
        int n;
        var pending = new StringBuilder();
        while ((n = await reader.ReadAsync(buffer)) > 0)
        {
            if (progress is null) { into.Append(buffer, 0, n); continue; }
            pending.Append(buffer, 0, n);
            var text = pending.ToString();
            var cut = text.LastIndexOfAny(['\r', '\n']);
            if (cut < 0) continue;
            foreach (Match m in ProgressPattern().Matches(text[..cut]))
                progress.Report(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            pending.Clear().Append(text[(cut + 1)..]);
        }
    }

    /// <summary>Keeps libvips' own words, without GLib warnings, pids or the tool's name repeated.</summary>
    internal static string CleanError(string stderr, string tool)
    {
        var lines = stderr.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.Contains("-WARNING **", StringComparison.Ordinal) && !l.StartsWith('('))
            .Select(l => l.StartsWith(tool + ": ", StringComparison.Ordinal) ? l[(tool.Length + 2)..] : l)
            .Distinct()
            .ToList();
        var message = lines.Count == 0 ? "the imaging engine failed without a message" : string.Join(" ", lines);
        return message.Length > 500 ? message[..500] + "…" : message;
    }

    [GeneratedRegex(@"(\d+)% complete")]
    private static partial Regex ProgressPattern();
}
