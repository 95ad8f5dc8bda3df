using Memento.Domain.Accounts;
using Memento.Domain.Authorization;
using Memento.Domain.Model;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Microsoft.EntityFrameworkCore;

namespace Memento.Schema.Api.Users;

public sealed record CreateUserInput(string Username, string Password, bool IsSysadm = false);

public sealed record RenameUserInput(long Id, string Username);

/// <param name="Id">The user whose password is reset.</param>
/// <param name="Password">The new password.</param>
/// <param name="KeepSessions">
/// False (the default): the user's API tokens are revoked and their browser sessions end, as after a suspected
/// compromise. True: tokens and sessions stay valid (a forgotten password only).
/// </param>
public sealed record ResetPasswordInput(long Id, string Password, bool KeepSessions = false);

public sealed record SetSysadmInput(long Id, bool IsSysadm);

/// <param name="Id">The user who gains or loses the code.</param>
/// <param name="IsProadm">True: the user may create projects (the system-level proadm code).</param>
public sealed record SetProadmInput(long Id, bool IsProadm);
