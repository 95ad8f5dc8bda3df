using Memento.Domain.Authorization;

namespace Memento.Server.Pages.Categories;

/// <summary>
/// What a re-rendered form needs: the values the user posted (so nothing typed is lost on an error), the message
/// next to each field that was refused, and a confirmation after an htmx post that succeeded.
/// </summary>
public sealed class FormState
{
    public Dictionary<string, string> Errors { get; } = [];
    public Dictionary<string, string?> Values { get; } = [];
    public string? Success { get; set; }

    public string? Error(string key) => Errors.GetValueOrDefault(key);
    public bool HasError(string key) => Errors.ContainsKey(key);

    /// <summary>The posted value when the form came back with an error, else the stored one.</summary>
    public string? Value(string key, string? stored = null) => Values.TryGetValue(key, out var posted) ? posted : stored;

    /// <summary>A refusal that belongs next to a field (bad input, a name taken); others escape to PageFailures.</summary>
    public static bool IsFormError(MementoException e) => e.Code is ErrorCode.Validation or ErrorCode.Conflict;

    public static FormState Failed(string key, MementoException e, params (string Key, string? Value)[] posted)
    {
        var state = new FormState();
        state.Errors[key] = e.Message;
        foreach (var (name, value) in posted) state.Values[name] = value;
        return state;
    }
}
