using Memento.Tests.Domain.Services.Support;

namespace Memento.Tests.Domain.Services;

/// <summary>A fresh <see cref="ServiceWorld"/> per test.</summary>
public abstract class ServiceTestBase : IAsyncLifetime
{
    protected ServiceWorld World { get; private set; } = null!;

    public async Task InitializeAsync() => World = await ServiceWorld.CreateAsync();

    public async Task DisposeAsync() => await World.DisposeAsync();
}
