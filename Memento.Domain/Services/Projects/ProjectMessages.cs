namespace Memento.Domain.Services.Projects;

/// <summary>
/// The project rules' messages, in one place so the API and tests agree. Names are unique per owner, so a
/// conflict only ever speaks of projects of one owner: never of a project the caller has no role on.
/// </summary>
public static class ProjectMessages
{
    /// <summary>The caller (creating, or renaming a project they own) already owns a project of this name.</summary>
    public static string YouAlreadyHave(string name) => $"You already have a project named '{name}'.";

    /// <summary>
    /// An administrator who is not the owner renames the project to a name its owner already uses. The owner's
    /// namespace is the project's, so this names no project beyond the owner's own list.
    /// </summary>
    public static string OwnerAlreadyHas(string name) => $"The project's owner already has a project named '{name}'.";

    /// <summary>Creating a project without the system-level proadm code (or sysadm).</summary>
    public const string MayNotCreate =
        "Only system administrators and users with the system-level proadm code can create projects.";
}
