using Memento.GraphQL.Types;
using Memento.Domain.Accounts;
using Memento.Schema.Api.Common;
using Memento.Schema.Api.Users;
using Memento.Domain.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Schema.Api.Accounts;

/// <summary>Sign-in, sign-out, own password and API tokens.</summary>
public sealed class AccountMutations
{
    /// <summary>
    /// Signs in. COOKIE sets the session cookie (browsers); TOKEN returns a new API token (scripts). Wrong user
    /// name or password give the same UNAUTHENTICATED error; repeated failures lock the account for a while.
    /// Attempts share the /login page's budget per client address; beyond it, RATE_LIMITED.
    /// </summary>
    public async Task<LoginPayload> Login(LoginInput input, IResolveContext context, AccountService accounts,
        ISessionSignIn session, TimeProvider clock)
    {
        // Taken from the services, not as a parameter, so schema builders without the host see no extra argument.
        var throttle = context.Services.GetRequiredService<SignInThrottle>();
        var client = context.Services.GetService<IHttpContextAccessor>()?.HttpContext?.Connection.RemoteIpAddress;
        if (!throttle.TryAcquire(client, out var retryAfter))
            throw MementoException.RateLimited(AccountMessages.TooManySignInAttempts(retryAfter));
        var result = await accounts.VerifyPasswordAsync(input.Username, input.Password, context.CancellationToken);
        if (!result.Succeeded) throw MementoException.Unauthenticated(result.Message);
        var user = result.User!;
        if (input.Mode == LoginMode.Token)
        {
            var name = string.IsNullOrWhiteSpace(input.TokenName) ? "login " + clock.GetUtcNow().ToString("yyyy-MM-dd HH:mm") : input.TokenName;
            var (_, secret) = await accounts.CreateApiTokenAsync(user.Id, name, null, context.CancellationToken);
            return new LoginPayload(UserInfo.Full(user), secret);
        }
        await session.SignInAsync(user);
        return new LoginPayload(UserInfo.Full(user), null);
    }

    /// <summary>Ends the session: a browser's cookie is cleared, a script's API token is revoked.</summary>
    public async Task<OkPayload> Logout(ISessionSignIn session)
    {
        await session.SignOutAsync();
        return new OkPayload(true);
    }

    /// <summary>Changes the caller's password; other browser sessions end, this one stays signed in.</summary>
    public async Task<OkPayload> ChangePassword(ChangePasswordInput input, IResolveContext context,
        AccountService accounts, ISessionSignIn session)
    {
        var userId = ApiCaller.Of(context).RequireUserId();
        try
        {
            var user = await accounts.ChangePasswordAsync(userId, input.CurrentPassword, input.NewPassword,
                input.NewPassword, context.CancellationToken);
            await session.RenewIfCookieAsync(user);
        }
        catch (AccountException e)
        {
            throw MementoException.Validation(
                e.Message == AccountMessages.CurrentPasswordWrong ? "currentPassword" : "newPassword", e.Message);
        }
        return new OkPayload(true);
    }

    /// <summary>Creates an API token for the caller; the secret is in this payload only.</summary>
    public async Task<CreateApiTokenPayload> CreateApiToken(CreateApiTokenInput input, IResolveContext context,
        AccountService accounts, TimeProvider clock)
    {
        var userId = ApiCaller.Of(context).RequireUserId();
        if (input.ExpiresAt is { } expires && expires <= clock.GetUtcNow())
            throw MementoException.Validation("expiresAt", "The expiry date must be in the future.");
        try
        {
            var (token, secret) = await accounts.CreateApiTokenAsync(userId, input.Name, input.ExpiresAt, context.CancellationToken);
            return new CreateApiTokenPayload(ApiTokenInfo.Of(token), secret);
        }
        catch (AccountException e)
        {
            throw MementoException.Validation("name", e.Message);
        }
    }

    /// <summary>Revokes one of the caller's tokens; NOT_FOUND for tokens of other users.</summary>
    public async Task<OkPayload> RevokeApiToken(RevokeApiTokenInput input, IResolveContext context, AccountService accounts)
    {
        var userId = ApiCaller.Of(context).RequireUserId();
        if (!await accounts.RevokeApiTokenAsync(userId, input.Id, context.CancellationToken))
            throw MementoException.NotFound("API token", input.Id);
        return new OkPayload(true);
    }
}
