using Memento.GraphQL.CodeFirst;
using Memento.Schema.Api.Users;
using Memento.Domain.Model;

namespace Memento.Schema.Api.Accounts;

/// <summary>COOKIE sets the browser session cookie; TOKEN returns a new API token for scripts.</summary>
public enum LoginMode { Cookie, Token }

public sealed record LoginInput(string Username, string Password, LoginMode Mode = LoginMode.Cookie, string? TokenName = null);

/// <param name="User">The signed-in user.</param>
/// <param name="Token">Only for mode TOKEN: the API token's secret, shown this once.</param>
public sealed record LoginPayload(UserInfo User, string? Token);

public sealed record OkPayload(bool Ok);

public sealed record ChangePasswordInput(string CurrentPassword, string NewPassword);

public sealed record CreateApiTokenInput(string Name, DateTimeOffset? ExpiresAt = null);

/// <param name="ApiToken">The new token, as the token list shows it.</param>
/// <param name="Token">The secret, shown only here.</param>
public sealed record CreateApiTokenPayload(ApiTokenInfo ApiToken, string Token);

public sealed record RevokeApiTokenInput(long Id);

/// <summary>An API token without its secret; <c>prefix</c> tells tokens apart.</summary>
public sealed record ApiTokenInfo(long Id, string Name, string Prefix, DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt)
{
    [GraphQLIgnore]
    public static ApiTokenInfo Of(ApiToken t) => new(t.Id, t.Name, t.Prefix, t.CreatedAt, t.LastUsedAt, t.ExpiresAt, t.RevokedAt);
}
