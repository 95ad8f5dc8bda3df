using System.Net;
using System.Threading.RateLimiting;

namespace Memento.Server.Pages.SignUp;

/// <summary>Accounts created per client address per hour (<c>Memento:Datasets:SignUpsPerHour</c>): the form's spam bound.</summary>
public sealed class SignUpThrottle(int perHour) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, perHour), Window = TimeSpan.FromHours(1), QueueLimit = 0,
        }));

    public bool TryAcquire(IPAddress? address) => limiter.AttemptAcquire(address?.ToString() ?? "unknown").IsAcquired;

    public void Dispose() => limiter.Dispose();
}
