using Memento.GraphQL.Types;
using Memento.Domain.Accounts;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.Users;

/// <summary>
/// Account administration (system administrators only). The rules live in the domain's
/// <see cref="UserAdministration"/>, which the users pages call too.
/// </summary>
public sealed class UserMutations
{
    public async Task<UserPayload> CreateUser(CreateUserInput input, IResolveContext context, UserAdministration users)
    {
        var user = await users.CreateAsync(ApiCaller.Of(context), input.Username, input.Password, input.IsSysadm,
            context.CancellationToken);
        return new UserPayload(UserInfo.Full(user));
    }

    public async Task<UserPayload> RenameUser(RenameUserInput input, IResolveContext context, UserAdministration users) =>
        new(UserInfo.Full(await users.RenameAsync(ApiCaller.Of(context), input.Id, input.Username, context.CancellationToken)));

    /// <summary>
    /// Sets a new password without the old one and clears a lockout. Unless keepSessions is true, it also revokes
    /// all of the user's API tokens and signs out all of their browser sessions.
    /// </summary>
    public async Task<UserPayload> ResetPassword(ResetPasswordInput input, IResolveContext context,
        UserAdministration users) =>
        new(UserInfo.Full(await users.ResetPasswordAsync(ApiCaller.Of(context), input.Id, input.Password,
            input.KeepSessions, context.CancellationToken)));

    /// <summary>Grants or removes system administration; removing it also removes a sysadm role code. Never one's own.</summary>
    [Memento.GraphQL.CodeFirst.GraphQLName("setSysadm")]
    public async Task<UserPayload> SetSysadm(SetSysadmInput input, IResolveContext context, UserAdministration users) =>
        new(UserInfo.Full(await users.SetSysAdminAsync(ApiCaller.Of(context), input.Id, input.IsSysadm,
            context.CancellationToken)));

    /// <summary>
    /// Grants or removes the system-level proadm code ("may create and manage projects"): its holders create
    /// projects and administer those they own. System administrators only.
    /// </summary>
    [Memento.GraphQL.CodeFirst.GraphQLName("setProadm")]
    public async Task<UserPayload> SetProadm(SetProadmInput input, IResolveContext context, UserAdministration users) =>
        new(UserInfo.Full(await users.SetProAdmAsync(ApiCaller.Of(context), input.Id, input.IsProadm,
            context.CancellationToken)));

    public async Task<DeletePayload> DeleteUser(DeleteInput input, IResolveContext context, UserAdministration users)
    {
        await users.DeleteAsync(ApiCaller.Of(context), input.Id, context.CancellationToken);
        return new DeletePayload(input.Id);
    }
}
