using Memento.Domain.Services.Annotations;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.Annotations;

/// <summary>One page of a category's annotations, by name.</summary>
/// <param name="Items">The page, at most <c>first</c> annotations.</param>
/// <param name="HasMore">Whether annotations follow this page.</param>
/// <param name="Total">How many annotations of the category (matching the search) the caller may read.</param>
public sealed record AnnotationPage(List<AnnotationInfo> Items, bool HasMore, int Total);

/// <summary>The viewer sidebar's list: a category of thousands is read a page at a time.</summary>
public sealed class AnnotationPageQueries
{
    /// <summary>
    /// The category's annotations the caller may read (an annotation participant: only its own), by name, from
    /// <c>offset</c>, at most <c>first</c> of them (1 to 100; a larger page is refused with VALIDATION), optionally
    /// only those whose name contains <c>search</c>.
    /// </summary>
    public async Task<AnnotationPage> AnnotationsPage(long categoryId, IResolveContext context,
        AnnotationService annotations, int offset = 0, int first = 25, string? search = null)
    {
        var page = await annotations.PageWithTotalAsync(ApiCaller.Of(context), categoryId, search, offset, first,
            context.CancellationToken);
        return new AnnotationPage(page.Items, page.HasMore, page.Total);
    }
}
