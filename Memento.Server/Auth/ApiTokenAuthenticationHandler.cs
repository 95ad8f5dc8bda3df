using System.Text.Encodings.Web;
using Memento.Domain.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Memento.Server.Auth;

/// <summary>Authenticates scripts by "Authorization: Bearer mem_…" against the stored token hashes.</summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccountService accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();

        var token = await accounts.AuthenticateApiTokenAsync(header[BearerPrefix.Length..].Trim(), Context.RequestAborted);
        // The failure message reaches logs: it must not contain the presented secret.
        if (token is null)
            return AuthenticateResult.Fail("Unknown, revoked or expired API token.");
        var principal = MementoClaims.For(token.User, AuthSchemes.ApiToken);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"Memento\"";
        return Task.CompletedTask;
    }
}
