namespace Memento.Domain.Services.Categories;

public sealed record CategoryInfo(long Id, long ProjectId, string Name, string Settings, DateTimeOffset CreatedAt);
