using Memento.Domain.Authorization;

namespace Memento.Domain.Services.Common;

/// <summary>Validation shared by the services, so every entry point refuses the same bad input the same way.</summary>
public static class Inputs
{
    /// <summary>A trimmed, non-empty name of at most <paramref name="max"/> characters without control characters.</summary>
    public static string Name(string? value, string field = "name", int max = 200)
    {
        var name = value?.Trim() ?? "";
        if (name.Length == 0) throw MementoException.Validation(field, $"The {field} must not be empty.");
        if (name.Length > max)
            throw MementoException.Validation(field, $"The {field} must be at most {max} characters long.");
        if (name.Any(char.IsControl))
            throw MementoException.Validation(field, $"The {field} must not contain control characters.");
        return name;
    }

    /// <summary>The manual's settings strings: comma-separated key:value pairs, free text, bounded.</summary>
    public static string Settings(string? value, string field = "settings", int max = 4000)
    {
        var settings = value?.Trim() ?? "";
        if (settings.Length > max)
            throw MementoException.Validation(field, $"The {field} must be at most {max} characters long.");
        return settings;
    }

    public static string Text(string? value, string field, int max)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0) throw MementoException.Validation(field, $"The {field} must not be empty.");
        if (text.Length > max)
            throw MementoException.Validation(field, $"The {field} must be at most {max} characters long.");
        return text;
    }
}
