using Memento.Domain.Accounts;
using Memento.Domain.Authorization;
using Memento.Domain.Services.Users;
using Memento.Server.Pages.Admin;
using Memento.Server.Pages.Shell;
using Microsoft.AspNetCore.Mvc;

namespace Memento.Server.Endpoints;

/// <summary>
/// The users pages (system administrators only): the picker, create, edit (rename, reset password, system-level
/// codes), delete. Every rule is the domain's <see cref="UserAdministration"/>, the one the API's mutations call.
/// </summary>
public static class UserAdminEndpoints
{
    // Classes, not positional records: the form binder leaves absent fields null instead of failing.
    public sealed class NewUserForm { public string? UserName { get; set; } public string? Password { get; set; } public string? ConfirmPassword { get; set; } }
    public sealed class RenameForm { public string? UserName { get; set; } }
    public sealed class PasswordForm { public string? Password { get; set; } public string? ConfirmPassword { get; set; } public bool KeepSessions { get; set; } }
    public sealed class CodesForm { public bool SysAdm { get; set; } public bool ProAdm { get; set; } }
    public sealed class DeleteForm { public bool Confirmed { get; set; } }
    // The binder gives null, not an empty object, for a form with none of the class's fields (no box ticked, an
    // unconfirmed delete): those handlers take the form as nullable and read null as "all unticked".

    /// <summary>What a plain browser sees after the redirect that follows a successful form: fixed texts only.</summary>
    private static readonly Dictionary<string, string> Saved = new()
    {
        ["renamed"] = "The user was renamed.",
        ["password"] = "The password was reset.",
        ["codes"] = "The permissions were saved.",
    };

    private const string PasswordsDiffer = "The two passwords differ.";

    public static IEndpointRouteBuilder MapUserAdminPages(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/users").WithPageFailures();
        users.MapGet("", List);
        users.MapGet("/new", ShowNew);
        users.MapPost("/new", Create);
        users.MapGet("/{id:long}", Edit);
        users.MapPost("/{id:long}/rename", Rename);
        users.MapPost("/{id:long}/password", ResetPassword);
        users.MapPost("/{id:long}/codes", SetCodes);
        users.MapGet("/{id:long}/delete", ConfirmDelete);
        users.MapPost("/{id:long}/delete", Delete);
        return app;
    }

    /// <summary>The session of a system administrator; FORBIDDEN (or the login) for anyone else.</summary>
    private static async Task<PageSession> AdminSessionAsync(HttpContext http, UserAdministration admin)
    {
        var session = await PageSessions.ForAsync(http);
        await admin.RequireAsync(session.Caller, http.RequestAborted);
        return session;
    }

    private static async Task<IResult> List(HttpContext http, UserAdministration admin, UserDirectory directory,
        string? q, int? skip)
    {
        var session = await AdminSessionAsync(http, admin);
        var from = Math.Max(0, skip ?? 0);
        if (q is { Length: > 150 }) q = q[..150]; // a pasted essay searches its start rather than failing
        var (found, more) = await directory.BrowseAsync(session.Caller, q, from, ct: http.RequestAborted);
        return Htmx.PageOrFragment<UsersPage, UserResults>(http,
            new { Session = session, Users = found, HasMore = more, Query = q, Skip = from });
    }

    private static async Task<IResult> ShowNew(HttpContext http, UserAdministration admin) =>
        Html.Page<NewUserPage>(new { Session = await AdminSessionAsync(http, admin) });

    private static async Task<IResult> Create(HttpContext http, UserAdministration admin, [FromForm] NewUserForm? form)
    {
        var session = await AdminSessionAsync(http, admin);
        form ??= new NewUserForm();
        IResult Refused(string field, string message) => Html.Page<NewUserPage>(new
        {
            Session = session, form.UserName, Errors = new Dictionary<string, string> { [field] = message },
        }, StatusCodes.Status400BadRequest);

        if (form.Password != form.ConfirmPassword) return Refused("confirmPassword", PasswordsDiffer);
        try
        {
            var user = await admin.CreateAsync(session.Caller, form.UserName ?? "", form.Password ?? "",
                ct: http.RequestAborted);
            return Htmx.SeeOther(http, $"/users/{user.Id}");
        }
        catch (MementoException e) when (e.Code is ErrorCode.Validation or ErrorCode.Conflict)
        {
            return Refused(e.Field ?? "username", e.Message);
        }
    }

    private static async Task<IResult> Edit(HttpContext http, UserAdministration admin, long id, string? saved)
    {
        var session = await AdminSessionAsync(http, admin);
        var account = await admin.GetAsync(session.Caller, id, http.RequestAborted);
        return Html.Page<EditUserPage>(new
        {
            Session = session, Account = account, Success = saved is null ? null : Saved.GetValueOrDefault(saved),
        });
    }

    private static Task<IResult> Rename(HttpContext http, UserAdministration admin, long id, [FromForm] RenameForm? form) =>
        ChangeAsync(http, admin, id, "renamed", (caller, ct) => admin.RenameAsync(caller, id, form?.UserName ?? "", ct),
            newName: form?.UserName);

    private static Task<IResult> ResetPassword(HttpContext http, UserAdministration admin, long id,
        [FromForm] PasswordForm? form) =>
        ChangeAsync(http, admin, id, "password", (caller, ct) => form?.Password != form?.ConfirmPassword
            ? throw MementoException.Validation("confirmPassword", PasswordsDiffer)
            : admin.ResetPasswordAsync(caller, id, form?.Password ?? "", form?.KeepSessions == true, ct));

    private static Task<IResult> SetCodes(HttpContext http, UserAdministration admin, long id, [FromForm] CodesForm? form) =>
        ChangeAsync(http, admin, id, "codes", async (caller, ct) =>
        {
            await admin.SetSysAdminAsync(caller, id, form?.SysAdm == true, ct);
            return await admin.SetProAdmAsync(caller, id, form?.ProAdm == true, ct);
        });

    /// <summary>
    /// One edit-user form: on success a plain browser goes back to the page (303, its message chosen by a fixed key)
    /// and htmx gets the editor with the message; a refused value shows next to its field with 400.
    /// </summary>
    private static async Task<IResult> ChangeAsync(HttpContext http, UserAdministration admin, long id, string savedKey,
        Func<Caller, CancellationToken, Task<Memento.Domain.Model.User>> change, string? newName = null)
    {
        var session = await AdminSessionAsync(http, admin);
        try
        {
            await change(session.Caller, http.RequestAborted);
        }
        catch (MementoException e) when (e.Code is ErrorCode.Validation or ErrorCode.Conflict)
        {
            var field = e.Field ?? (savedKey == "renamed" ? "username" : "form");
            var current = await admin.GetAsync(session.Caller, id, http.RequestAborted);
            return Htmx.PageOrFragment<EditUserPage, UserEditor>(http, new
            {
                Session = session, Account = current, NewName = newName,
                Errors = new Dictionary<string, string> { [field] = e.Message },
            }, StatusCodes.Status400BadRequest);
        }
        if (!session.WantsFragment) return Htmx.SeeOther(http, $"/users/{id}?saved={savedKey}");
        var account = await admin.GetAsync(session.Caller, id, http.RequestAborted);
        return Htmx.PageOrFragment<EditUserPage, UserEditor>(http,
            new { Session = session, Account = account, Success = Saved[savedKey] });
    }

    private static async Task<IResult> ConfirmDelete(HttpContext http, UserAdministration admin, long id)
    {
        var session = await AdminSessionAsync(http, admin);
        var account = await admin.GetAsync(session.Caller, id, http.RequestAborted);
        if (account.Id == session.Caller.UserId)
            return Html.Page<MessagePage>(new { Title = "Delete user", Message = UserAdministration.NotYourself,
                Session = session, LinkUrl = $"/users/{id}", LinkText = "Back" }, StatusCodes.Status409Conflict);
        return Html.Page<DeleteUserPage>(new { Session = session, Account = account });
    }

    private static async Task<IResult> Delete(HttpContext http, UserAdministration admin, long id, [FromForm] DeleteForm? form)
    {
        var session = await AdminSessionAsync(http, admin);
        // An unconfirmed post (the edit page's button without JavaScript) asks first.
        if (form?.Confirmed != true) return Htmx.SeeOther(http, $"/users/{id}/delete");
        try
        {
            await admin.DeleteAsync(session.Caller, id, http.RequestAborted);
        }
        catch (MementoException e) when (e.Code == ErrorCode.Conflict)
        {
            var account = await admin.GetAsync(session.Caller, id, http.RequestAborted);
            return Html.Page<DeleteUserPage>(new { Session = session, Account = account, Error = e.Message },
                StatusCodes.Status409Conflict);
        }
        return Htmx.SeeOther(http, "/users");
    }
}
