using System.Net;
using Memento.Domain.Accounts;
using Memento.Tests.Support;

namespace Memento.Tests.Server;

public sealed class ChangePasswordTests : IDisposable
{
    private const string OldPassword = "old password 1";
    private const string NewPassword = "new password 2";
    private readonly MementoAppFactory app = new();

    public ChangePasswordTests() => app.CreateUserAsync("bob", OldPassword).GetAwaiter().GetResult();

    public void Dispose() => app.Dispose();

    private static Dictionary<string, string> Form(string current, string next, string confirm) =>
        new() { ["currentPassword"] = current, ["newPassword"] = next, ["confirmPassword"] = confirm };

    [Fact]
    public async Task Changing_the_password_keeps_this_session_and_signs_out_the_others()
    {
        using var laptop = app.CreateBrowser();
        using var phone = app.CreateBrowser();
        await laptop.SignInAsync("bob", OldPassword);
        await phone.SignInAsync("bob", OldPassword);

        var (response, page) = await laptop.SubmitAsync("/account/password", "/account/password", Form(OldPassword, NewPassword, NewPassword));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Your password was changed", page.QuerySelector("[role=status]")?.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetPageAsync("/")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await phone.GetPageAsync("/")).Response.StatusCode);

        using var other = app.CreateBrowser();
        var (old, _) = await other.SubmitAsync("/login", "/login", new Dictionary<string, string> { ["userName"] = "bob", ["password"] = OldPassword });
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        await other.SignInAsync("bob", NewPassword);
    }

    [Theory]
    [InlineData("not my password", NewPassword, NewPassword, AccountMessages.CurrentPasswordWrong)]
    [InlineData(OldPassword, NewPassword, "typo in confirmation", AccountMessages.PasswordsDiffer)]
    [InlineData(OldPassword, "short", "short", "A password needs at least 8 characters.")]
    public async Task A_refused_change_says_why_and_keeps_the_old_password(string current, string next, string confirm, string message)
    {
        using var browser = app.CreateBrowser();
        await browser.SignInAsync("bob", OldPassword);

        var (response, page) = await browser.SubmitAsync("/account/password", "/account/password", Form(current, next, confirm));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, page.QuerySelector("[role=alert]")?.TextContent);
        using var other = app.CreateBrowser();
        await other.SignInAsync("bob", OldPassword);
    }
}
