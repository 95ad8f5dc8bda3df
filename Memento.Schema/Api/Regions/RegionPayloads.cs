using System.Text.Json;
using Memento.Domain.Services.Regions;
using Memento.GraphQL.Types;
using Memento.Schema.Api.Common;

namespace Memento.Schema.Api.Regions;

public sealed record RegionsPayload(List<Region> Regions);

public sealed record RegionPayload(Region Region);
