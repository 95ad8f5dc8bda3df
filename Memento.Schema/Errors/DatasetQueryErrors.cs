using Memento.Domain.Datasets.Search;
using Memento.GraphQL.Errors;

namespace Memento.Schema.Errors;

/// <summary>
/// A dataset query that cannot run becomes a GraphQL error with <c>extensions.code</c> BAD_QUERY and, when the fault
/// has a place in the query text, <c>extensions.line</c> and <c>extensions.column</c> (1-based), so an editor can
/// mark it.
/// </summary>
public static class DatasetQueryErrors
{
    public const string Code = "BAD_QUERY";

    public static GraphQLException ToGraphQL(DatasetQueryException error)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = Code };
        if (error.Line is { } line) extensions["line"] = line;
        if (error.Column is { } column) extensions["column"] = column;
        return new GraphQLException(error.Message, extensions, error);
    }
}
