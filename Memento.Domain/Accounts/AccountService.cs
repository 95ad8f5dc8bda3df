using System.Text.RegularExpressions;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Memento.Domain.Accounts;

/// <summary>
/// Account rules shared by the sign-in pages, the setup flow, the create-admin command and the GraphQL API:
/// password checks with lockout, password changes, user creation and API tokens.
/// It never logs a password or a token, only user names and ids.
/// </summary>
public sealed partial class AccountService(
    MementoDbContext db, TimeProvider clock, IOptions<AccountOptions> options, ILogger<AccountService> log)
{
    private static readonly PasswordHasher<User> Hasher = new();

    // Hashed once so that a sign-in for an unknown user costs as much as one for a known user.
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(new User(), "not a real password"));

    private AccountOptions Rules => options.Value;

    public Task<bool> AnyUsersAsync(CancellationToken ct = default) => db.Users.AnyAsync(ct);

    public Task<User?> FindByNameAsync(string userName, CancellationToken ct = default)
    {
        var normalized = User.Normalize(userName);
        return db.Users.SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
    }

    /// <summary>
    /// Checks a password. A locked account is refused whatever the password, so the answer never tells an attacker
    /// whether a guess was right; the lockout threshold counts consecutive failures. Unknown names, wrong passwords
    /// and locked accounts cost the same hashing work, so timing does not tell them apart either.
    /// </summary>
    public async Task<SignInResult> VerifyPasswordAsync(string userName, string password, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var user = string.IsNullOrWhiteSpace(userName) ? null : await FindByNameAsync(userName, ct);
        if (user is null || user.PasswordHash is null || password.Length > Rules.MaxPasswordLength)
        {
            Hasher.VerifyHashedPassword(new User(), DummyHash.Value, password.Length > Rules.MaxPasswordLength ? "" : password);
            log.LogInformation("Sign-in refused for unknown user name or unusable password");
            return new SignInResult(SignInStatus.Failed);
        }
        if (user.LockoutEndsAt is { } lockedUntil && lockedUntil > now)
        {
            Hasher.VerifyHashedPassword(user, user.PasswordHash, password); // same cost as a real check; result unused
            log.LogWarning("Sign-in refused for locked user {UserId}", user.Id);
            return new SignInResult(SignInStatus.LockedOut, LockedUntil: lockedUntil);
        }

        var verdict = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            user.FailedLoginCount++;
            if (user.FailedLoginCount >= Rules.LockoutThreshold)
            {
                user.LockoutEndsAt = now + Rules.LockoutDuration;
                user.FailedLoginCount = 0;
                await db.SaveChangesAsync(ct);
                log.LogWarning("User {UserId} locked until {LockedUntil} after repeated failed sign-ins", user.Id, user.LockoutEndsAt);
                return new SignInResult(SignInStatus.LockedOut, LockedUntil: user.LockoutEndsAt);
            }
            await db.SaveChangesAsync(ct);
            log.LogInformation("Wrong password for user {UserId} ({Failures} in a row)", user.Id, user.FailedLoginCount);
            return new SignInResult(SignInStatus.Failed);
        }
        if (user.IsDisabled)
        {
            log.LogInformation("Sign-in refused for disabled user {UserId}", user.Id);
            return new SignInResult(SignInStatus.Disabled);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            user.PasswordHash = Hasher.HashPassword(user, password);
        user.FailedLoginCount = 0;
        user.LockoutEndsAt = null;
        user.LastLoginAt = now;
        await db.SaveChangesAsync(ct);
        log.LogInformation("User {UserId} signed in", user.Id);
        return new SignInResult(SignInStatus.Succeeded, user);
    }

    /// <summary>
    /// Changes a user's own password after checking the current one. The security stamp changes too, which
    /// ends every other browser session of that user.
    /// </summary>
    public async Task<User> ChangePasswordAsync(long userId, string currentPassword, string newPassword, string confirmation,
        CancellationToken ct = default)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct)
                   ?? throw new AccountException(AccountMessages.InvalidCredentials);
        if (user.PasswordHash is null ||
            Hasher.VerifyHashedPassword(user, user.PasswordHash, currentPassword) == PasswordVerificationResult.Failed)
            throw new AccountException(AccountMessages.CurrentPasswordWrong);
        if (newPassword != confirmation)
            throw new AccountException(AccountMessages.PasswordsDiffer);
        SetPassword(user, newPassword);
        await db.SaveChangesAsync(ct);
        log.LogInformation("User {UserId} changed their password", user.Id);
        return user;
    }

    /// <summary>Creates an account; throws <see cref="AccountException"/> with a message for the person when the input is refused.</summary>
    public async Task<User> CreateUserAsync(string userName, string password, bool isSysAdmin = false, CancellationToken ct = default)
    {
        userName = ValidateUserName(userName);
        if (await FindByNameAsync(userName, ct) is not null)
            throw new AccountException(AccountMessages.UserNameTaken);
        var user = new User
        {
            UserName = userName,
            NormalizedUserName = User.Normalize(userName),
            IsSysAdmin = isSysAdmin,
            CreatedAt = clock.GetUtcNow(),
        };
        SetPassword(user, password);
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request created the same name between our check and our insert; the unique index caught it.
            db.Entry(user).State = EntityState.Detached;
            if (await FindByNameAsync(userName, CancellationToken.None) is not null)
                throw new AccountException(AccountMessages.UserNameTaken);
            throw;
        }
        log.LogInformation("Created user {UserId} {UserName} (system administrator: {IsSysAdmin})", user.Id, user.UserName, isSysAdmin);
        return user;
    }

    /// <summary>
    /// Sets a new password without asking for the old one (administrators, create-admin) and clears a lockout.
    /// A reset usually answers "someone else may know the password", so by default it also revokes the user's API
    /// tokens and ends their browser sessions (a new security stamp); <paramref name="keepSessions"/> keeps both,
    /// for a reset that only helps a user who forgot the password.
    /// </summary>
    public async Task SetPasswordAsync(User user, string password, bool keepSessions = false, CancellationToken ct = default)
    {
        var stamp = user.SecurityStamp;
        SetPassword(user, password);
        user.FailedLoginCount = 0;
        user.LockoutEndsAt = null;
        var revoked = 0;
        if (keepSessions)
        {
            user.SecurityStamp = stamp;
        }
        else
        {
            // Tracked and saved with the password, so the reset and the revocation commit together.
            var now = clock.GetUtcNow();
            foreach (var token in await db.ApiTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null).ToListAsync(ct))
            {
                token.RevokedAt = now;
                revoked++;
            }
        }
        await db.SaveChangesAsync(ct);
        log.LogInformation("Password of user {UserId} was reset ({Revoked} API tokens revoked, sessions kept: {KeepSessions})",
            user.Id, revoked, keepSessions);
    }

    /// <summary>Creates an API token; the returned secret is shown once and never stored.</summary>
    public async Task<(ApiToken Token, string Secret)> CreateApiTokenAsync(long userId, string name,
        DateTimeOffset? expiresAt = null, CancellationToken ct = default)
    {
        name = name.Trim();
        if (name.Length == 0)
            throw new AccountException(AccountMessages.TokenNameRequired);
        var secret = ApiTokenSecret.Generate();
        var token = new ApiToken
        {
            UserId = userId,
            Name = name.Length > 100 ? name[..100] : name,
            TokenHash = ApiTokenSecret.Hash(secret),
            Prefix = secret[..ApiTokenSecret.PrefixLength],
            CreatedAt = clock.GetUtcNow(),
            ExpiresAt = expiresAt,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(ct);
        log.LogInformation("User {UserId} created API token {TokenId} ({Prefix}…)", userId, token.Id, token.Prefix);
        return (token, secret);
    }

    /// <summary>Revokes one of the user's tokens; false when it does not exist or belongs to someone else.</summary>
    public async Task<bool> RevokeApiTokenAsync(long userId, long tokenId, CancellationToken ct = default)
    {
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.UserId == userId, ct);
        if (token is null) return false;
        token.RevokedAt ??= clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        log.LogInformation("User {UserId} revoked API token {TokenId}", userId, tokenId);
        return true;
    }

    public Task<List<ApiToken>> ListApiTokensAsync(long userId, CancellationToken ct = default) =>
        db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.Id).ToListAsync(ct);

    /// <summary>
    /// Finds the live token a script presented, with its user. Marks it used, writing at most once a minute
    /// per token so busy scripts do not turn every request into a write.
    /// </summary>
    public async Task<ApiToken?> AuthenticateApiTokenAsync(string secret, CancellationToken ct = default)
    {
        if (!ApiTokenSecret.LooksValid(secret)) return null;
        var hash = ApiTokenSecret.Hash(secret);
        var token = await db.ApiTokens.AsNoTracking().Include(t => t.User)
            .SingleOrDefaultAsync(t => t.TokenHash == hash, ct);
        var now = clock.GetUtcNow();
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now || token.User.IsDisabled)
            return null;
        if (token.LastUsedAt is null || now - token.LastUsedAt.Value >= TimeSpan.FromMinutes(1))
        {
            await db.ApiTokens.Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), ct);
            token.LastUsedAt = now;
        }
        return token;
    }

    private void SetPassword(User user, string password)
    {
        if (password.Length < Rules.MinPasswordLength)
            throw new AccountException(AccountMessages.PasswordTooShort(Rules.MinPasswordLength));
        if (password.Length > Rules.MaxPasswordLength)
            throw new AccountException(AccountMessages.PasswordTooLong(Rules.MaxPasswordLength));
        user.PasswordHash = Hasher.HashPassword(user, password);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
    }

    private static string ValidateUserName(string userName)
    {
        userName = userName.Trim();
        if (userName.Length == 0) throw new AccountException(AccountMessages.UserNameRequired);
        if (!UserNamePattern().IsMatch(userName)) throw new AccountException(AccountMessages.UserNameInvalid);
        return userName;
    }

    [GeneratedRegex(@"^[\p{L}\p{N}._@-]{1,64}$")]
    private static partial Regex UserNamePattern();
}
