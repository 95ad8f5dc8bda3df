namespace Memento.Server.Hosting;

/// <summary>Standard streams for commands; tests pass strings, the real program passes the console.</summary>
public sealed class CommandConsole(TextReader input, TextWriter output, TextWriter error, bool isTerminal)
{
    public TextWriter Out { get; } = output;
    public TextWriter Error { get; } = error;

    public static CommandConsole System => new(Console.In, Console.Out, Console.Error, !Console.IsInputRedirected);

    /// <summary>
    /// Reads one line: typed without echo at a terminal, or the first line of piped input
    /// (`echo "$PASSWORD" | … create-admin alice`). Null when the input is closed.
    /// </summary>
    public string? ReadPassword(string prompt)
    {
        if (!isTerminal)
            return input.ReadLine();
        Error.Write(prompt);
        var typed = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) typed.Length--; }
            else if (!char.IsControl(key.KeyChar)) typed.Append(key.KeyChar);
        }
        Error.WriteLine();
        return typed.ToString();
    }
}
