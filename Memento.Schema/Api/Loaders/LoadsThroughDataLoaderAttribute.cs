using Memento.GraphQL.CodeFirst;

namespace Memento.Schema.Api.Loaders;

/// <summary>
/// The field's resolver only queues keys on a DataLoader and awaits the batch: <see cref="ResolverGate"/> leaves it
/// unwrapped, and the batch takes the gate itself. Such a resolver must not touch the DbContext or the policy.
/// </summary>
public sealed class LoadsThroughDataLoaderAttribute() : GraphQLMetadataAttribute(ResolverGate.Ungated, true);
