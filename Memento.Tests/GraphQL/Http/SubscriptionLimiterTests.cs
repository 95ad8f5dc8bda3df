using System.Net;
using System.Security.Claims;
using Memento.GraphQL.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Memento.Tests.GraphQL.Http;

/// <summary>The per-user subscription cap shared by the SSE and WebSocket transports, and whom it counts.</summary>
public class SubscriptionLimiterTests
{
    private static SubscriptionLimiter Limiter(int max)
    {
        var options = new GraphQLServerOptions();
        options.Subscriptions.MaxSubscriptionsPerUser = max;
        return new SubscriptionLimiter(Options.Create(options));
    }

    [Fact]
    public void A_user_holds_at_most_the_cap_and_gets_a_place_back_on_release()
    {
        var limiter = Limiter(2);
        Assert.True(limiter.TryAcquire("ada"));
        Assert.True(limiter.TryAcquire("ada"));
        Assert.False(limiter.TryAcquire("ada"));
        // Others are counted apart.
        Assert.True(limiter.TryAcquire("grace"));
        limiter.Release("ada");
        Assert.True(limiter.TryAcquire("ada"));
        Assert.Equal(2, limiter.CountOf("ada"));
    }

    [Fact]
    public void Releasing_more_than_was_acquired_never_lends_extra_places()
    {
        var limiter = Limiter(1);
        limiter.Release("ada");
        Assert.True(limiter.TryAcquire("ada"));
        Assert.False(limiter.TryAcquire("ada"));
    }

    [Fact]
    public void The_default_user_key_is_the_signed_in_users_id_else_the_remote_address()
    {
        var key = new GraphQLSubscriptionOptions().UserKey;
        var anonymous = new DefaultHttpContext();
        anonymous.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.7");
        var signedIn = new DefaultHttpContext { User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "42")], "cookie")) };
        signedIn.Connection.RemoteIpAddress = IPAddress.Parse("192.0.2.7");
        Assert.Equal("ip:192.0.2.7", key(anonymous));
        Assert.Equal("user:42", key(signedIn));
    }

    [Fact]
    public void Options_refuse_values_that_make_no_sense()
    {
        var options = new GraphQLSubscriptionOptions();
        Assert.Throws<ArgumentOutOfRangeException>(() => options.MaxSubscriptionsPerUser = 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => options.KeepAliveInterval = TimeSpan.Zero);
        Assert.Equal((TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(12), 100, 200),
            (options.ConnectionInitTimeout, options.KeepAliveInterval, options.MaxSubscriptionsPerConnection, options.MaxSubscriptionsPerUser));
    }
}
