using Memento.Domain.Services.Classifications;
using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.Classifications;

public sealed record ClassificationPayload(ClassificationInfo Classification, bool Created);

public sealed record ClassificationListPayload(List<ClassificationInfo> Classifications);

public sealed record ClassifyAnnotationPayload(List<ClassificationPick> Choices);
