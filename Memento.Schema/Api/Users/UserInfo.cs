using Memento.GraphQL.CodeFirst;
using Memento.Domain.Model;

namespace Memento.Schema.Api.Users;

/// <summary>
/// A user as the API shows them. Everyone signed in may learn a name's id (scripts grant roles by name); the
/// account details (sysadm flag, dates, disabled) are only filled for the user themselves and system administrators.
/// </summary>
public sealed record UserInfo(long Id, string Username, bool? IsSysadm, bool? IsDisabled, DateTimeOffset? CreatedAt,
    DateTimeOffset? LastLoginAt)
{
    [GraphQLIgnore]
    public static UserInfo Full(User user) =>
        new(user.Id, user.UserName, user.IsSysAdmin, user.IsDisabled, user.CreatedAt, user.LastLoginAt);

    [GraphQLIgnore]
    public static UserInfo NameOnly(User user) => new(user.Id, user.UserName, null, null, null, null);
}
