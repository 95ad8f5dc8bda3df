using System.Net;
using Memento.Tests.Schema.Api.RoleMatrix;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Tests.Server.PageMatrix;

/// <summary>One server over the matrix world for every read and every refused post of the table.</summary>
public sealed class PageMatrixFixture : IAsyncLifetime
{
    public PageHost Host { get; private set; } = null!;
    public async Task InitializeAsync() => Host = await PageHost.CreateAsync();
    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>
/// Issue 12's page × role table, the pages' counterpart of the API's role matrix: every page and every form post
/// (rows in PageRows.*.cs) as every caller of the matrix world. Allowed: the page answers (or the post lands where it
/// should and changes the database). Refused: 403 (or the row's status) to a signed-in caller, the login page to a
/// caller without a session, not a row changed, and no response shows a caller a marker of what they may not see.
/// </summary>
public sealed partial class PageMatrixTests(PageMatrixFixture fixture) : IClassFixture<PageMatrixFixture>
{
    [System.Text.RegularExpressions.GeneratedRegex("name=\"__RequestVerificationToken\" value=\"[^\"]*\"")]
    private static partial System.Text.RegularExpressions.Regex AntiforgeryValue();

    private static readonly Dictionary<string, PageRow> Rows = PageRows.All.ToDictionary(r => r.Name);

    /// <summary>Routes that are not pages: the APIs (GraphQL and the dataset JSON API), tiles, health, the image link (a redirect to a tile for scripts and exports).</summary>
    // Files and JSON, not pages; and /signup, off unless configured (SignUpTests and DatasetApiTests cover those,
    // with the download's bytes and its 404 for unreadable pictures).
    private static readonly string[] NotPages = ["/graphql", "/tiles", "/health", "/images/", "/api/", "/signup"];
    private static bool IsFile(string pattern) => pattern.EndsWith("/download", StringComparison.Ordinal);

    public static TheoryData<string, string> Cells()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in PageRows.All)
            foreach (var caller in MatrixWorld.Callers)
                // Allowed posts are checked on fresh worlds (AllowedPosts_do_their_thing); the rest share one server.
                if (!row.IsPost || !row.Allowed.Contains(caller)) data.Add(row.Name, caller);
        return data;
    }

    public static TheoryData<string> AllowedPosts()
    {
        var data = new TheoryData<string>();
        foreach (var row in PageRows.All.Where(r => r.IsPost && r.Allowed.Length > 0)) data.Add(row.Name);
        return data;
    }

    [Fact]
    public void Every_page_route_the_server_maps_has_a_row()
    {
        var mapped = fixture.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            // A group's "" route reads "/projects/{id:long}/": the same URL as without the slash.
            .Select(e => (Pattern: "/" + e.RoutePattern.RawText!.Trim('/'),
                Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(e => !NotPages.Any(prefix => e.Pattern.StartsWith(prefix, StringComparison.Ordinal)) && !IsFile(e.Pattern))
            .SelectMany(e => e.Methods.Select(m => $"{m} {e.Pattern}"))
            .ToHashSet();
        var covered = PageRows.All.Select(r => $"{r.Method} {r.Route}").ToHashSet();
        Assert.True(!mapped.Except(covered).Any(),
            "Page routes without a row in PageRows.*.cs: " + string.Join(", ", mapped.Except(covered).Order()));
        Assert.True(!covered.Except(mapped).Any(),
            "Rows for routes the server does not map: " + string.Join(", ", covered.Except(mapped).Order()));
    }

    [Fact]
    public void Row_names_are_unique_and_callers_exist()
    {
        Assert.Equal(PageRows.All.Count, PageRows.All.Select(r => r.Name).Distinct().Count());
        Assert.All(PageRows.All, r => Assert.All(r.Allowed, c => Assert.Contains(c, MatrixWorld.Callers)));
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_caller_is_answered_as_the_row_says(string rowName, string caller)
    {
        var row = Rows[rowName];
        var host = fixture.Host;
        await host.ClientAsync(caller); // signing in records the time: not the request's doing
        var before = row.IsPost ? await host.FingerprintAsync() : null;

        var (response, body) = await host.SendAsync(row, caller);

        if (row.Allowed.Contains(caller)) AssertAllowed(row, caller, response);
        else AssertRefused(row, caller, response);
        AssertNothingUnseen(row, caller, body);
        if (before is not null)
            Assert.True((await host.FingerprintAsync()).Differences(before) == "",
                $"refused {row.Name} as {caller} changed {before.Differences(await host.FingerprintAsync())}");
    }

    [Theory]
    [MemberData(nameof(AllowedPosts))]
    public async Task Allowed_posts_do_their_thing(string rowName)
    {
        var row = Rows[rowName];
        PageHost? shared = null;
        try
        {
            foreach (var caller in row.Allowed)
            {
                var host = row.Isolated ? await PageHost.CreateAsync() : shared ??= await PageHost.CreateAsync();
                try
                {
                    await host.ClientAsync(caller); // signing in is not the post's effect
                    var before = await host.FingerprintAsync();
                    var (response, body) = await host.SendAsync(row, caller);
                    AssertAllowed(row, caller, response);
                    AssertNothingUnseen(row, caller, body);
                    var changed = before.Differences(await host.FingerprintAsync());
                    if (row.WritesAs(caller)) Assert.True(changed != "", $"{row.Name} as {caller} changed nothing");
                    else Assert.True(changed == "", $"{row.Name} as {caller} changed {changed}");
                }
                finally
                {
                    if (row.Isolated) await host.DisposeAsync();
                }
            }
        }
        finally
        {
            if (shared is not null) await shared.DisposeAsync();
        }
    }

    private static void AssertAllowed(PageRow row, string caller, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var location = LocalLocation(response);
        // Served, or sent on (post/redirect/get) anywhere but to the login page.
        var served = status is >= 200 and < 300 || (status is 302 or 303 && location?.StartsWith("/login?", StringComparison.Ordinal) == false);
        Assert.True(served, $"{row.Name} as {caller}: expected the page, got {status} {location}");
        if (row.Lands is not null)
            Assert.True(location?.StartsWith(row.Lands, StringComparison.Ordinal) == true,
                $"{row.Name} as {caller}: expected a redirect to {row.Lands}, got {status} {location}");
    }

    private static void AssertRefused(PageRow row, string caller, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var location = LocalLocation(response) ?? "";
        if (PageRows.SignedIn.Contains(caller) || row.RefusesAnonymousAlike)
            Assert.True(status == row.RefusedStatus, $"{row.Name} as {caller}: expected {row.RefusedStatus}, got {status} {location}");
        else if (row.Htmx)
            // htmx is told to load the login page in full (HX-Redirect), not to swap it into the fragment.
            Assert.True(status == 401 && response.Headers.TryGetValues("HX-Redirect", out var to) && to.Single().StartsWith("/login?", StringComparison.Ordinal),
                $"{row.Name} as {caller}: expected 401 with HX-Redirect to the login page, got {status}");
        else
            // A person navigating is sent to sign in (and back); a post without a session gets 401 or the same redirect.
            Assert.True(status is 302 or 303 && location.StartsWith("/login?", StringComparison.Ordinal) || (row.IsPost && status == 401),
                $"{row.Name} as {caller}: expected the login page, got {status} {location}");
    }

    /// <summary>The redirect target as a local path (the cookie handler writes absolute URLs, the pages local ones).</summary>
    private static string? LocalLocation(HttpResponseMessage response) => response.Headers.Location is not { } uri ? null
        : uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;

    private static void AssertNothingUnseen(PageRow row, string caller, string body)
    {
        // Antiforgery tokens are random base64: one may spell "KOX" by chance.
        body = AntiforgeryValue().Replace(body, "");
        foreach (var marker in row.Unseen(caller))
            Assert.False(body.Contains(marker, StringComparison.Ordinal), $"{caller} was shown {marker}");
    }
}
