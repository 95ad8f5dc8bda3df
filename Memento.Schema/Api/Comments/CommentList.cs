using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Schema.Api.Querying;
using Memento.Domain.Model;
using Memento.Domain.Services.Comments;
using Microsoft.Extensions.DependencyInjection;
using ObjectType = Memento.GraphQL.Types.ObjectType;

namespace Memento.Schema.Api.Comments;

/// <summary>The <c>comments(layerId)</c> connection, for everyone who may read the layer's annotation.</summary>
public static class CommentList
{
    public static QueryableType<Comment> Type(ObjectType commentInfo, QueryableType<User> user) =>
        QueryableType<Comment>.Over(commentInfo, CommentService.Info)
            .Field(c => c.LayerId)
            .Field(c => c.AuthorId, Allow.Filter)
            .Field(c => c.Text, Allow.Filter)
            .Field(c => c.CreatedAt, Allow.FilterAndSort)
            .Field(c => c.EditedAt, Allow.Filter)
            .Reads("authorName", c => c.Author, user, u => u.UserName)
            .FilterThrough(c => c.Author, user);

    public static FieldDefinition Field(QueryableType<Comment> type)
    {
        var field = ConnectionField.For("comments", type, context =>
                context.Services.GetRequiredService<CommentService>().OnLayerAsync(ApiCaller.Of(context),
                    (long)context.Arguments["layerId"]!, context.CancellationToken),
            description: "The comments on a layer; by id (oldest first) unless ordered.");
        field.AddArgument(new ArgumentDefinition("layerId", ScalarType.Long.NonNull()));
        return field;
    }
}
