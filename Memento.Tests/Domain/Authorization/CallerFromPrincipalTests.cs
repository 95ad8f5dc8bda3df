using System.Security.Claims;
using Memento.Domain.Authorization;

namespace Memento.Tests.Domain.Authorization;

public sealed class CallerFromPrincipalTests
{
    [Fact]
    public void A_signed_in_principal_becomes_a_user_caller_with_its_sysadm_flag()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "42"), new Claim(ClaimTypes.Role, "sysadm")], "Cookies"));
        Assert.Equal(Caller.ForUser(42, isSysAdmin: true), CallerFromPrincipal.From(principal));
    }

    [Fact]
    public void Unauthenticated_or_malformed_principals_are_anonymous()
    {
        Assert.Equal(Caller.Anonymous, CallerFromPrincipal.From(null));
        Assert.Equal(Caller.Anonymous, CallerFromPrincipal.From(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "42")]))));
        Assert.Equal(Caller.Anonymous, CallerFromPrincipal.From(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "-1 or 1=1")], "Bearer"))));
    }
}
