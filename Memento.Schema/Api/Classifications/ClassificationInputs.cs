using Memento.Domain.Services.Classifications;
using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.Classifications;

/// <summary>A classification of a project; typeCode M (multiple choice) as the manual's default.</summary>
public sealed record CreateClassificationInput(long ProjectId, string Name, string? TypeCode = null, string? Data = null);

/// <summary>Replaces the classifications linked to a category with these names (all must exist in the project).</summary>
public sealed record LinkClassificationsInput(long CategoryId, List<string> Names);

public sealed record ClassificationChoiceInput(long ClassificationId, string? Option = null);

public sealed record ClassifyAnnotationInput(long AnnotationId, List<ClassificationChoiceInput> Choices);
