using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Memento.Tests.Server;

/// <summary>
/// The client's own wire tests (clients/python/tests, a fake GraphQL server in the standard library), run here so
/// that the suite's one command covers them: request shapes, failure values, upload waiting, token sign-in.
/// </summary>
public sealed class PythonClientWireTests
{
    [Fact]
    public async Task The_clients_unittest_suite_passes_under_the_machines_python3()
    {
        var client = LiveServer.ClientDirectory();
        using var python = Process.Start(new ProcessStartInfo("python3",
            ["-m", "unittest", "discover", "-s", Path.Combine(client, "tests"), "-t", Path.Combine(client, "tests")])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = client,
        })!;
        var stdout = python.StandardOutput.ReadToEndAsync();
        var stderr = python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();
        var report = await stdout + await stderr;

        Assert.True(python.ExitCode == 0, report);
        // unittest exits 0 when it finds nothing ("NO TESTS RAN" only on 3.12+): make sure the tests were found.
        var ran = Regex.Match(report, @"Ran (\d+) tests?");
        Assert.True(ran.Success && int.Parse(ran.Groups[1].Value) >= 10, report);
    }
}
