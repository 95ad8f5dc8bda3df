using System.Net;
using Memento.Domain.Accounts;
using Memento.Domain.Model;
using Memento.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Memento.Tests.Server.AdminPages;

/// <summary>The users pages as a browser without JavaScript uses them (htmx fragments where noted).</summary>
public sealed class UserPagesTests(AdminPagesWorld world) : IClassFixture<AdminPagesWorld>
{
    private static Dictionary<string, string> NewUser(string name, string password, string? confirm = null) => new()
    {
        ["userName"] = name, ["password"] = password, ["confirmPassword"] = confirm ?? password,
    };

    private Task<User> Stored(long id) => world.App.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));

    private static long IdFrom(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return long.Parse(response.Headers.Location!.OriginalString.Split('/')[2].Split('?')[0]);
    }

    [Fact]
    public async Task Creating_a_user_refuses_differing_passwords_and_taken_names_next_to_the_field_and_keeps_the_name()
    {
        var admin = await world.BrowserAsync("sysadm");
        var (differ, page) = await admin.SubmitAsync("/users/new", "/users/new", NewUser("dora", "dora-password-1", "typo"));
        Assert.Equal(HttpStatusCode.BadRequest, differ.StatusCode);
        Assert.Equal("The two passwords differ.", page.QuerySelector("#err-confirm")?.TextContent);
        Assert.Equal("dora", page.QuerySelector("input[name=userName]")?.GetAttribute("value"));

        var (taken, again) = await admin.SubmitAsync("/users/new", "/users/new", NewUser("OUTSIDER", "some-password-1"));
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Equal(AccountMessages.UserNameTaken, again.QuerySelector("#err-username")?.TextContent);
        Assert.Equal("aria-describedby", again.QuerySelector("input[name=userName]")?.Attributes
            .FirstOrDefault(a => a.Value == "err-username")?.Name);

        var (created, _) = await admin.SubmitAsync("/users/new", "/users/new", NewUser("dora", "dora-password-1"));
        var id = IdFrom(created);
        Assert.Equal("dora", (await Stored(id)).UserName);
        var (_, edit) = await admin.GetPageAsync($"/users/{id}");
        Assert.Equal("User dora", edit.QuerySelector("h1")?.TextContent);
    }

    [Fact]
    public async Task A_reset_password_signs_in_and_the_old_one_no_longer_does()
    {
        var id = await world.VictimAsync("reset");
        var name = (await Stored(id)).UserName;
        var admin = await world.BrowserAsync("sysadm");
        var (short_, page) = await admin.SubmitAsync($"/users/{id}", $"/users/{id}/password",
            new Dictionary<string, string> { ["password"] = "x", ["confirmPassword"] = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, short_.StatusCode);
        Assert.NotNull(page.QuerySelector("#err-password"));

        var (reset, _) = await admin.SubmitAsync($"/users/{id}", $"/users/{id}/password",
            new Dictionary<string, string> { ["password"] = "brand-new-password-9", ["confirmPassword"] = "brand-new-password-9" });
        Assert.Equal(HttpStatusCode.SeeOther, reset.StatusCode);
        Assert.Equal($"/users/{id}?saved=password", reset.Headers.Location?.OriginalString);
        var (_, after) = await admin.GetPageAsync(reset.Headers.Location!.OriginalString);
        Assert.Equal("The password was reset.", after.QuerySelector("[role=status]")?.TextContent);

        using var user = world.App.CreateBrowser();
        await user.SignInAsync(name, "brand-new-password-9");
    }

    [Fact]
    public async Task Granting_proadm_lets_the_user_create_projects_and_removing_it_takes_that_away()
    {
        var id = await world.VictimAsync("maker");
        var name = (await Stored(id)).UserName;
        var admin = await world.BrowserAsync("sysadm");
        var (granted, _) = await admin.SubmitAsync($"/users/{id}", $"/users/{id}/codes", new Dictionary<string, string> { ["proadm"] = "true" });
        Assert.Equal(HttpStatusCode.SeeOther, granted.StatusCode);
        var stored = await Stored(id);
        Assert.True(stored.IsProAdm);
        Assert.False(stored.IsSysAdmin);
        var (_, edit) = await admin.GetPageAsync($"/users/{id}");
        Assert.True(edit.QuerySelector("input[name=proadm]")?.HasAttribute("checked"));

        using var maker = world.App.CreateBrowser();
        await maker.SignInAsync(name, AdminPagesWorld.Password);
        var (created, _) = await maker.SubmitAsync("/projects", "/projects", new Dictionary<string, string> { ["name"] = "Liver" });
        Assert.Equal(HttpStatusCode.SeeOther, created.StatusCode);
        Assert.Matches("^/projects/[0-9]+$", created.Headers.Location!.OriginalString);

        // The form with the box unticked (nothing sent for it) removes the code.
        var (removed, _) = await admin.PostAsync($"/users/{id}/codes", await AdminPagesWorld.TokenFieldsAsync(admin, signedIn: true));
        Assert.Equal(HttpStatusCode.SeeOther, removed.StatusCode);
        Assert.False((await Stored(id)).IsProAdm);
    }

    [Fact]
    public async Task Deleting_asks_for_confirmation_first_and_nobody_deletes_themselves()
    {
        var id = await world.VictimAsync("leaver");
        var name = (await Stored(id)).UserName;
        var admin = await world.BrowserAsync("sysadm");
        var (unconfirmed, _) = await admin.SubmitAsync($"/users/{id}", $"/users/{id}/delete", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.SeeOther, unconfirmed.StatusCode);
        Assert.Equal($"/users/{id}/delete", unconfirmed.Headers.Location?.OriginalString);
        Assert.NotNull(await world.App.WithDbAsync(db => db.Users.SingleOrDefaultAsync(u => u.Id == id)));

        var (_, confirm) = await admin.GetPageAsync($"/users/{id}/delete");
        Assert.Contains($"Delete {name}?", confirm.QuerySelector("main p")?.TextContent);
        var (deleted, _) = await admin.SubmitAsync($"/users/{id}/delete", $"/users/{id}/delete", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.SeeOther, deleted.StatusCode);
        Assert.Equal("/users", deleted.Headers.Location?.OriginalString);
        Assert.Null(await world.App.WithDbAsync(db => db.Users.SingleOrDefaultAsync(u => u.Id == id)));

        var self = world.Users["sysadm"];
        var (_, own) = await admin.GetPageAsync($"/users/{self}");
        Assert.Null(own.QuerySelector($"form[action='/users/{self}/delete']"));
        Assert.Null(own.QuerySelector("input[type=checkbox][name=sysadm]"));
        var fields = await AdminPagesWorld.TokenFieldsAsync(admin, signedIn: true);
        fields.Add(KeyValuePair.Create("confirmed", "true"));
        var (refused, page) = await admin.PostAsync($"/users/{self}/delete", fields);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(UserAdministration.NotYourself, page.QuerySelector("[role=alert]")?.TextContent);
        Assert.NotNull(await world.App.WithDbAsync(db => db.Users.SingleOrDefaultAsync(u => u.Id == self)));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\"><img src=x onerror=alert(1)>")]
    public async Task A_hostile_name_is_refused_and_shown_back_as_text(string hostile)
    {
        var admin = await world.BrowserAsync("sysadm");
        var (response, page) = await admin.SubmitAsync("/users/new", "/users/new", NewUser(hostile, "hostile-password-1"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(AccountMessages.UserNameInvalid, page.QuerySelector("#err-username")?.TextContent);
        Assert.Equal(hostile, page.QuerySelector("input[name=userName]")?.GetAttribute("value"));
        Assert.Null(page.QuerySelector("main script, main img"));
    }

    [Theory]
    [InlineData("שלום_עולם")] // right-to-left
    [InlineData("שלוםשלוםשלוםשלוםשלוםשלוםשלוםשלוםשלוםשלוםשלוםשלוםשלוםשלוםשלוםשלום")] // 64 characters, the longest name allowed, right-to-left
    [InlineData("Ωmega.user@lab-7")]
    public async Task Unusual_names_are_shown_isolated_in_the_picker_and_the_editor(string name)
    {
        var admin = await world.BrowserAsync("sysadm");
        var (created, _) = await admin.SubmitAsync("/users/new", "/users/new", NewUser(name, "unusual-password-1"));
        var id = IdFrom(created);
        var (_, edit) = await admin.GetPageAsync($"/users/{id}");
        Assert.Equal("User " + name, edit.QuerySelector("h1 bdi")?.TextContent);
        var (_, list) = await admin.GetPageAsync("/users?q=" + Uri.EscapeDataString(name));
        Assert.Equal(name, list.QuerySelector($"#user-results a[href='/users/{id}'] bdi")?.TextContent);
    }

    [Fact]
    public async Task A_name_too_long_is_refused_with_its_message()
    {
        var admin = await world.BrowserAsync("sysadm");
        var (response, page) = await admin.SubmitAsync("/users/new", "/users/new", NewUser(new string('x', 300), "long-password-1"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("#err-username")?.TextContent));
    }
}
