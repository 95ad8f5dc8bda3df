using Memento.Tests.Schema.Api.RoleMatrix;

namespace Memento.Tests.Server.PageMatrix;

/// <summary>The administration area: users (system administrators) and the projects picker (project managers).</summary>
public static partial class PageRows
{
    /// <summary>System administrators, by role code or by account flag.</summary>
    public static string[] SysAdmins => Roles.SysAdm;
    /// <summary>Manage projects: create one (sysadm, the system-level proadm code the owner holds) or administer one.</summary>
    public static string[] Managers => Roles.Admins;
    /// <summary>Create projects: system administrators and holders of the system-level proadm code.</summary>
    public static string[] Creators => [.. Roles.SysAdm, "owner"];

    private static Dictionary<string, string> NewPassword() => new() { ["password"] = "reset-password-1", ["confirmPassword"] = "reset-password-1" };

    public static PageRow[] Admin =>
    [
        PageRow.Get("users list", "/users", SysAdmins, (_, _) => "/users"),
        PageRow.Get("users list searched", "/users", SysAdmins, (_, _) => "/users?q=vic"),
        PageRow.Get("new user page", "/users/new", SysAdmins, (_, _) => "/users/new"),
        PageRow.Post("create user", "/users/new", SysAdmins, (_, _) => "/users/new") with
        {
            Form = (_, caller) => new() { ["userName"] = "made-by-" + caller, ["password"] = "made-password-1", ["confirmPassword"] = "made-password-1" },
        },
        PageRow.Get("user editor", "/users/{id:long}", SysAdmins, (w, _) => $"/users/{w.Users["victim"]}"),
        PageRow.Post("rename user", "/users/{id:long}/rename", SysAdmins, (w, _) => $"/users/{w.Users["victim"]}/rename") with
        {
            Form = (_, caller) => new() { ["userName"] = "renamed-by-" + caller },
        },
        PageRow.Post("reset password", "/users/{id:long}/password", SysAdmins, (w, _) => $"/users/{w.Users["victim"]}/password") with
        {
            Form = (_, _) => NewPassword(),
        },
        // The second grant of the same code changes nothing: a fresh world each.
        PageRow.Post("set system codes", "/users/{id:long}/codes", SysAdmins, (w, _) => $"/users/{w.Users["victim"]}/codes") with
        {
            Form = (_, _) => new() { ["proadm"] = "true" }, Isolated = true,
        },
        PageRow.Get("delete user confirmation", "/users/{id:long}/delete", SysAdmins, (w, _) => $"/users/{w.Users["victim"]}/delete"),
        PageRow.Post("delete user", "/users/{id:long}/delete", SysAdmins, (w, _) => $"/users/{w.Users["victim"]}/delete") with
        {
            Form = (_, _) => new() { ["confirmed"] = "true" }, Isolated = true,
        },
        PageRow.Get("projects picker", "/projects", Managers, (_, _) => "/projects"),
        PageRow.Get("projects picker searched", "/projects", Managers, (_, _) => "/projects?q=kid"),
        PageRow.Post("create project", "/projects", Creators, (_, _) => "/projects") with
        {
            Form = (_, caller) => new() { ["name"] = "Made by " + caller },
        },
    ];
}
