using Memento.Domain.Services.Labels;
using Memento.GraphQL.CodeFirst;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.Labels;

public sealed record CreateLabelInput(long ProjectId, string Name);
