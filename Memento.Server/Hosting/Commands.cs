using Memento.Domain.Accounts;

namespace Memento.Server.Hosting;

/// <summary>
/// One-shot commands run instead of the web server: `Memento.Server create-admin NAME`.
/// Add a command by adding a case to <see cref="RunAsync"/> and a line to <see cref="Usage"/>.
/// </summary>
public static class Commands
{
    private static readonly string[] Names = ["create-admin", "schema"];

    public const string Usage = """
        Commands:
          create-admin NAME   create the system administrator NAME, or make an existing user one;
                              reads the password from standard input (an empty password keeps an existing user's)
          schema export       print the GraphQL schema (SDL) served at /graphql
        """;

    /// <summary>Separates a command (first argument is a command name) from the host's own arguments (--urls …).</summary>
    public static (string[] HostArgs, string[]? Command) Split(string[] args)
    {
        if (args.Length == 0 || !Names.Contains(args[0])) return (args, null);
        var command = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        return (args[command.Length..], command);
    }

    /// <summary>Runs a command against the configured database; returns the process exit code.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] command, CommandConsole console)
    {
        try
        {
            // The schema is static: printing it needs no database.
            if (command is ["schema", "export"])
            {
                console.Out.Write(Memento.GraphQL.Utilities.SchemaPrinter.Print(services.GetRequiredService<Memento.GraphQL.Types.GraphQLSchema>()));
                return 0;
            }
            await services.MigrateMementoDatabaseAsync(CancellationToken.None);
            return command[0] switch
            {
                "create-admin" when command.Length == 2 => await CreateAdminAsync(services, command[1], console),
                _ => Fail(console, $"Usage: Memento.Server {command[0]} …\n{Usage}", 64),
            };
        }
        catch (AccountException e)
        {
            return Fail(console, e.Message, 1);
        }
    }

    private static async Task<int> CreateAdminAsync(IServiceProvider services, string userName, CommandConsole console)
    {
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var existing = await accounts.FindByNameAsync(userName);
        var password = console.ReadPassword($"Password for {userName}: ");
        if (password is null)
            return Fail(console, "No password given on standard input.", 1);

        if (existing is null)
        {
            if (password.Length == 0)
                return Fail(console, "A new administrator needs a password: pipe it to standard input.", 1);
            await accounts.CreateUserAsync(userName, password, isSysAdmin: true);
            console.Out.WriteLine($"Created system administrator '{userName}'.");
        }
        else
        {
            existing.IsSysAdmin = true;
            existing.IsDisabled = false;
            if (password.Length > 0)
                await accounts.SetPasswordAsync(existing, password);
            else
                await scope.ServiceProvider.GetRequiredService<Memento.Domain.Data.MementoDbContext>().SaveChangesAsync();
            console.Out.WriteLine($"'{existing.UserName}' is now a system administrator{(password.Length > 0 ? " with the new password" : "")}.");
        }
        return 0;
    }

    private static int Fail(CommandConsole console, string message, int exitCode)
    {
        console.Error.WriteLine($"error: {message}");
        return exitCode;
    }
}
