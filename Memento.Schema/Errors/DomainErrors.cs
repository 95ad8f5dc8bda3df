using Memento.Domain.Authorization;
using Memento.GraphQL.Errors;

namespace Memento.Schema.Errors;

/// <summary>
/// The one place where domain errors become GraphQL errors: a <see cref="MementoException"/> keeps its message
/// (written to be safe to show) and gets <c>extensions.code</c> from its <see cref="ErrorCode"/>, plus
/// <c>extensions.field</c> for validation errors. Anything else stays unexpected (logged, trace id to the client).
/// </summary>
public static class DomainErrors
{
    /// <summary>For <see cref="Memento.GraphQL.Types.GraphQLSchema.TranslateException"/>.</summary>
    public static GraphQLException? ToGraphQL(Exception exception) => exception switch
    {
        MementoException domain => new GraphQLException(domain.Message, ExtensionsOf(domain), domain),
        Memento.Domain.Datasets.Search.DatasetQueryException query => DatasetQueryErrors.ToGraphQL(query),
        _ => null,
    };

    /// <summary>The GraphQL error a domain error becomes, for resolvers that must throw one themselves.</summary>
    public static GraphQLException ToGraphQL(MementoException domain) => new(domain.Message, ExtensionsOf(domain), domain);

    private static Dictionary<string, object?> ExtensionsOf(MementoException domain)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = domain.Code.ToExtensionCode() };
        if (domain.Field is not null) extensions["field"] = domain.Field;
        return extensions;
    }
}
