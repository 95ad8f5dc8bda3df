using System.Net;
using Memento.Tests.Support;

namespace Memento.Tests.Server.Datasets;

/// <summary>The sign-up form's switch, its account rules and its budget per address, in-process.</summary>
public sealed class SignUpTests
{
    private static Dictionary<string, string> Form(string name, string password, string? confirm = null) => new()
    {
        ["userName"] = name, ["password"] = password, ["confirmPassword"] = confirm ?? password,
    };

    [Fact]
    public async Task The_form_is_not_there_unless_switched_on()
    {
        using var app = new MementoAppFactory();
        using var browser = app.CreateBrowser();
        var (response, _) = await browser.GetPageAsync("/signup");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Accounts_follow_the_creation_rules_and_an_address_makes_only_its_budget_of_them()
    {
        using var app = new MementoAppFactory(new Dictionary<string, string?>
        {
            ["Memento:Datasets:SignUp"] = "true", ["Memento:Datasets:SignUpsPerHour"] = "2",
        });
        using var browser = app.CreateBrowser();

        var (shortPassword, page) = await browser.SubmitAsync("/signup", "/signup", Form("carol", "short"));
        Assert.Equal(HttpStatusCode.BadRequest, shortPassword.StatusCode);
        Assert.Contains("at least 8 characters", page.QuerySelector(".error, [role=alert]")?.TextContent ?? page.Body!.TextContent);

        var (created, _) = await browser.SubmitAsync("/signup", "/signup", Form("carol", "carol's password"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var carol = await app.FindUserAsync("carol");
        Assert.False(carol.IsSysAdmin);
        Assert.False(carol.IsProAdm);

        using var second = app.CreateBrowser(); // a signed-in browser is sent home; another visitor from the address
        var (overBudget, refusal) = await second.SubmitAsync("/signup", "/signup", Form("dave", "dave's password"));
        Assert.Equal((HttpStatusCode)429, overBudget.StatusCode);
        Assert.Contains("Too many accounts were created from your address; try again in an hour.", refusal.Body!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => Task.FromResult(db.Users.Count(u => u.UserName == "dave"))));
    }
}
