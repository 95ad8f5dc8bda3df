using Memento.GraphQL.Types;
using Memento.Domain.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Memento.Schema.Api.Common;

/// <summary>
/// The caller of the current GraphQL request. The host may put a <see cref="Caller"/> (e.g. a resolved share link)
/// in the request items under <see cref="Key"/>; otherwise it comes from the authenticated HTTP principal.
/// </summary>
public static class ApiCaller
{
    public const string Key = "memento.caller";

    public static Caller Of(IResolveContext context)
    {
        if (context.RequestItems.TryGetValue(Key, out var value) && value is Caller caller) return caller;
        var http = context.Services.GetService<IHttpContextAccessor>()?.HttpContext;
        caller = CallerFromPrincipal.From(http?.User);
        context.RequestItems[Key] = caller;
        return caller;
    }
}
