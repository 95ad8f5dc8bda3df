namespace Memento.Schema.Api.Users;

public sealed record UserPayload(UserInfo User);
