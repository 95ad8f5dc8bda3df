namespace Memento.Schema.Api.Common;

// Inputs and payloads shared by several features.

public sealed record RenameInput(long Id, string Name);

public sealed record SetSettingsInput(long Id, string Settings);

public sealed record DeleteInput(long Id);

public sealed record DeletePayload(long DeletedId);
