using System.Collections.Concurrent;
using System.Diagnostics;

namespace Memento.Imaging.Engine;

/// <summary>
/// Starts the engine's child processes so that they die with the server, however it dies (kill -9 included): on Linux
/// each tool runs under <c>setpriv --pdeathsig KILL</c> (util-linux, in Debian 12 and the Docker image), which sets
/// PR_SET_PDEATHSIG in the child before it execs the tool — .NET cannot run code between fork and exec itself.
/// The kernel sends that signal when the child's parent <em>thread</em> exits, not only the process, and thread-pool
/// threads retire when idle; so every child is forked from one dedicated thread that lives as long as the process.
/// </summary>
internal static class ChildProcessLauncher
{
    private const string SetPriv = "/usr/bin/setpriv";

    private static readonly BlockingCollection<(Process Process, TaskCompletionSource Started)> Pending = [];

    /// <summary>True when children are tied to the server's life (Linux with setpriv).</summary>
    public static bool DiesWithServer { get; } = OperatingSystem.IsLinux() && File.Exists(SetPriv);

    static ChildProcessLauncher()
    {
        if (DiesWithServer) new Thread(Run) { IsBackground = true, Name = "Memento child process launcher" }.Start();
    }

    /// <summary>The start info for <paramref name="tool"/> with <paramref name="args"/>, wrapped when supported.</summary>
    public static ProcessStartInfo StartInfo(string tool, IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo(DiesWithServer ? SetPriv : tool);
        if (DiesWithServer)
        {
            psi.ArgumentList.Add("--pdeathsig");
            psi.ArgumentList.Add("KILL");
            psi.ArgumentList.Add("--");
            psi.ArgumentList.Add(tool);
        }
        foreach (var a in args) psi.ArgumentList.Add(a);
        return psi;
    }

    /// <summary>Starts <paramref name="process"/> from the launcher thread (or the caller's, where there is none).</summary>
    public static Task StartAsync(Process process)
    {
        if (!DiesWithServer)
        {
            process.Start();
            return Task.CompletedTask;
        }
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Pending.Add((process, started));
        return started.Task;
    }

    /// <summary>setpriv's exit code when it could not exec the tool (not installed, not executable).</summary>
    public static bool FailedToExec(int exitCode, string stderr) =>
        DiesWithServer && exitCode is 126 or 127 && stderr.Contains("failed to execute", StringComparison.Ordinal);

    private static void Run()
    {
        foreach (var (process, started) in Pending.GetConsumingEnumerable())
        {
            try
            {
                process.Start();
                started.SetResult();
            }
            catch (Exception e)
            {
                started.SetException(e);
            }
        }
    }
}
