namespace Memento.Domain.Datasets.Search;

/// <summary>One page of a search, in order; <see cref="Total"/> counts every match when it was asked for.</summary>
public sealed record DatasetSearchResult(IReadOnlyList<Picture> Pictures, int? Total);
