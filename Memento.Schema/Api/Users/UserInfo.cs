using Memento.GraphQL.CodeFirst;
using Memento.Domain.Model;

namespace Memento.Schema.Api.Users;

/// <summary>
/// A user as the API shows them. Everyone signed in may learn a name's id (scripts grant roles by name); the
/// account details (sysadm flag, dates, disabled) are only filled for the user themselves and system administrators.
/// </summary>
/// <param name="Id">The user's id.</param>
/// <param name="Username">The name as typed.</param>
/// <param name="IsSysadm">A system administrator (by the account flag).</param>
/// <param name="IsDisabled">Cannot sign in.</param>
/// <param name="CreatedAt">When the account was made.</param>
/// <param name="LastLoginAt">The last successful sign-in.</param>
/// <param name="IsProadm">
/// Holds the system-level proadm code: may create projects (and administer those they own). System administrators
/// may create projects whatever this says.
/// </param>
public sealed record UserInfo(long Id, string Username, bool? IsSysadm, bool? IsDisabled, DateTimeOffset? CreatedAt,
    DateTimeOffset? LastLoginAt, bool? IsProadm)
{
    [GraphQLIgnore]
    public static UserInfo Full(User user) =>
        new(user.Id, user.UserName, user.IsSysAdmin, user.IsDisabled, user.CreatedAt, user.LastLoginAt, user.IsProAdm);

    [GraphQLIgnore]
    public static UserInfo NameOnly(User user) => new(user.Id, user.UserName, null, null, null, null, null);
}
