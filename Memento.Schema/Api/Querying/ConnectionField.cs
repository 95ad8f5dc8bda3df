using Memento.GraphQL.Types;

namespace Memento.Schema.Api.Querying;

/// <summary>
/// Declares a list field in one line:
/// <code>query.AddField(ConnectionField.For("projects", ProjectTypes.Project, ctx => policy.VisibleProjects(ctx)));</code>
/// The field takes first/after/last/before, where and order, and returns a <c>&lt;T&gt;Connection</c>; the source
/// query (already restricted to what the caller may see) gets the filter, order, keyset and projection added and
/// runs as one SELECT, plus one COUNT only when totalCount is selected.
/// </summary>
public static class ConnectionField
{
    public const string First = "first", After = "after", Last = "last", Before = "before", Where = "where", Order = "order";

    public static FieldDefinition For<T>(string name, QueryableType<T> type, Func<IResolveContext, IQueryable<T>> source,
        ConnectionOptions? options = null, string? description = null) where T : class
    {
        var limits = options ?? ConnectionOptions.Default;
        var field = new FieldDefinition(name, type.ConnectionType.NonNull(),
            async context => await ConnectionResolver.ResolveAsync(context, type, source(context), limits).ConfigureAwait(false),
            description);
        AddArguments(field, type, limits);
        return field;
    }

    /// <summary>
    /// As above, for sources that first check a permission asynchronously (e.g. "may read this project"), so a
    /// refused caller gets FORBIDDEN instead of an empty page.
    /// </summary>
    public static FieldDefinition For<T>(string name, QueryableType<T> type, Func<IResolveContext, Task<IQueryable<T>>> source,
        ConnectionOptions? options = null, string? description = null) where T : class
    {
        var limits = options ?? ConnectionOptions.Default;
        var field = new FieldDefinition(name, type.ConnectionType.NonNull(),
            async context => await ConnectionResolver.ResolveAsync(context, type, await source(context).ConfigureAwait(false), limits)
                .ConfigureAwait(false),
            description);
        AddArguments(field, type, limits);
        return field;
    }

    /// <summary>Adds the paging, filter and order arguments to a field whose resolver calls <see cref="ConnectionResolver.ResolveAsync{T}"/>.</summary>
    public static FieldDefinition AddArguments<T>(FieldDefinition field, QueryableType<T> type, ConnectionOptions limits) where T : class
    {
        field.AddArgument(new ArgumentDefinition(First, ScalarType.Int, $"Return the first n items (at most {limits.MaxPageSize})."));
        field.AddArgument(new ArgumentDefinition(After, ScalarType.String, "Start after the item with this cursor."));
        field.AddArgument(new ArgumentDefinition(Last, ScalarType.Int, $"Return the last n items (at most {limits.MaxPageSize})."));
        field.AddArgument(new ArgumentDefinition(Before, ScalarType.String, "End before the item with this cursor."));
        field.AddArgument(new ArgumentDefinition(Where, type.FilterType, "Only items matching these conditions."));
        field.AddArgument(new ArgumentDefinition(Order, type.SortType.NonNull().List(), "Sort keys, most significant first; ties are broken by id."));
        return field;
    }
}
