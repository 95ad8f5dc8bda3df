using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;

namespace Memento.Domain.Accounts;

/// <summary>
/// The one budget of sign-in attempts per client address (a fixed one-minute window), shared by every channel that
/// checks a secret for anonymous callers: the /login page, the login mutation, first-run setup, and the dataset
/// API's login when it comes. Each channel takes an attempt before it looks at the secret, so attempts beyond the
/// budget are refused without being evaluated, and guesses cannot be moved to another channel to get a fresh budget.
/// The per-account lockout in <see cref="AccountService"/> covers guessing spread over many addresses.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public SignInThrottle(int attemptsPerMinute)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(attemptsPerMinute);
        AttemptsPerMinute = attemptsPerMinute;
        var window = new FixedWindowRateLimiterOptions
        {
            PermitLimit = attemptsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
        };
        limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => window));
    }

    public int AttemptsPerMinute { get; }

    /// <summary>
    /// Takes one attempt from this client's budget. False when it is spent: the caller must refuse without
    /// checking anything, and may tell the client to wait <paramref name="retryAfter"/>.
    /// </summary>
    public bool TryAcquire(IPAddress? client, out TimeSpan retryAfter)
    {
        using var lease = limiter.AttemptAcquire(PartitionKey(client));
        retryAfter = lease.IsAcquired ? TimeSpan.Zero
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        return lease.IsAcquired;
    }

    /// <summary>
    /// The budget an address draws on. An IPv6 client usually holds a whole /64 and could take a fresh address for
    /// every guess, so IPv6 addresses share their /64's budget; IPv4 (also when mapped to IPv6) counts per address.
    /// </summary>
    public static string PartitionKey(IPAddress? client)
    {
        if (client is null) return "unknown";
        if (client.IsIPv4MappedToIPv6) client = client.MapToIPv4();
        if (client.AddressFamily != AddressFamily.InterNetworkV6) return client.ToString();
        var bytes = client.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public void Dispose() => limiter.Dispose();
}
