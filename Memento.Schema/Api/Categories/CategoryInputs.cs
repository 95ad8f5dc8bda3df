using Memento.Domain.Services.Categories;
using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.Categories;

public sealed record CreateCategoryInput(long ProjectId, string Name, string? Settings = "");
