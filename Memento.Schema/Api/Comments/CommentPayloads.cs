using Memento.Domain.Services.Comments;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.Comments;

public sealed record CommentPayload(CommentInfo Comment);
