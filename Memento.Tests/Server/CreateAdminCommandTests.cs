using System.Diagnostics;
using Memento.Server.Hosting;
using Memento.Tests.Support;

namespace Memento.Tests.Server;

public sealed class CreateAdminCommandTests : IDisposable
{
    private readonly MementoAppFactory app = new();

    public void Dispose() => app.Dispose();

    private async Task<(int ExitCode, string Out, string Error)> RunAsync(string stdin, params string[] command)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await Commands.RunAsync(app.Services, command, new CommandConsole(new StringReader(stdin), output, error, isTerminal: false));
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Creates_a_system_administrator_who_can_sign_in()
    {
        var (exit, output, _) = await RunAsync("admin password\n", "create-admin", "grace");

        Assert.Equal(0, exit);
        Assert.Contains("Created system administrator 'grace'", output);
        Assert.True((await app.FindUserAsync("grace")).IsSysAdmin);
        using var browser = app.CreateBrowser();
        await browser.SignInAsync("grace", "admin password");
    }

    [Fact]
    public async Task Promotes_an_existing_user_and_an_empty_password_keeps_theirs()
    {
        await app.CreateUserAsync("heidi", "heidi's password");

        var (exit, output, _) = await RunAsync("\n", "create-admin", "HEIDI");

        Assert.Equal(0, exit);
        Assert.Contains("'heidi' is now a system administrator", output);
        Assert.True((await app.FindUserAsync("heidi")).IsSysAdmin);
        using var browser = app.CreateBrowser();
        await browser.SignInAsync("heidi", "heidi's password");
    }

    [Theory]
    [InlineData("", "No password given on standard input.")]
    [InlineData("\n", "A new administrator needs a password")]
    [InlineData("short\n", "A password needs at least 8 characters.")]
    public async Task Refuses_with_a_clear_message_and_a_non_zero_exit_code(string stdin, string message)
    {
        var (exit, _, error) = await RunAsync(stdin, "create-admin", "ivan");

        Assert.Equal(1, exit);
        Assert.Contains(message, error);
        Assert.StartsWith("error: ", error);
    }

    [Fact]
    public async Task Missing_user_name_prints_usage()
    {
        var (exit, _, error) = await RunAsync("password123\n", "create-admin");

        Assert.NotEqual(0, exit);
        Assert.Contains("create-admin NAME", error);
    }

    [Fact]
    public async Task Works_as_a_separate_process_with_the_password_piped_in()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("memento-cli-").FullName;
        try
        {
            var serverDll = Path.Combine(AppContext.BaseDirectory, "Memento.Server.dll");
            var start = new ProcessStartInfo("dotnet", [serverDll, "create-admin", "judy"])
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = dataDirectory,
            };
            start.Environment["MEMENTO_DATA"] = dataDirectory;
            start.Environment["MEMENTO_DATABASE"] = "";
            using var process = Process.Start(start)!;
            await process.StandardInput.WriteLineAsync("judy's password");
            process.StandardInput.Close();
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {output}{error}");
            Assert.Contains("Created system administrator 'judy'", output);
            Assert.DoesNotContain("judy's password", output + error);
            // A server started on that data directory knows judy.
            using var server = new MementoAppFactory(new Dictionary<string, string?> { ["Memento:DataDirectory"] = dataDirectory });
            using var browser = server.CreateBrowser();
            await browser.SignInAsync("judy", "judy's password");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
