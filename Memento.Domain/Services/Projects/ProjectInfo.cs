using Memento.Domain.Model;

namespace Memento.Domain.Services.Projects;

/// <summary>What callers read of a project (never the entity, so nothing is lazily loaded past a check).</summary>
public sealed record ProjectInfo(long Id, string Name, string Settings, ProjectVisibility Visibility, long? OwnerId,
    DateTimeOffset CreatedAt);
