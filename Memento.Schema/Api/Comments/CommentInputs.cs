using Memento.Domain.Services.Comments;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.Comments;

public sealed record AddCommentInput(long LayerId, string Content);

public sealed record EditCommentInput(long Id, string Content);
