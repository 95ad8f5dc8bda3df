namespace Memento.Domain.Accounts;

/// <summary>A request the account rules refuse; the message is meant for the person who made it.</summary>
public sealed class AccountException(string message) : Exception(message);
