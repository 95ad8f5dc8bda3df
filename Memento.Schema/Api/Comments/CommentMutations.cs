using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;
using Memento.Domain.Services.Comments;

namespace Memento.Schema.Api.Comments;

/// <summary>Participants comment; only a comment's author edits or deletes it.</summary>
public sealed class CommentMutations
{
    public async Task<CommentPayload> AddComment(AddCommentInput input, IResolveContext context,
        CommentService comments) =>
        new(await comments.AddAsync(ApiCaller.Of(context), input.LayerId, input.Content, context.CancellationToken));

    public async Task<CommentPayload> EditComment(EditCommentInput input, IResolveContext context,
        CommentService comments) =>
        new(await comments.EditAsync(ApiCaller.Of(context), input.Id, input.Content, context.CancellationToken));

    public async Task<DeletePayload> DeleteComment(DeleteInput input, IResolveContext context, CommentService comments)
    {
        await comments.DeleteAsync(ApiCaller.Of(context), input.Id, context.CancellationToken);
        return new(input.Id);
    }
}
