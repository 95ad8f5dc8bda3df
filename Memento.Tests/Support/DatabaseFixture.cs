using Memento.Domain.Data;

namespace Memento.Tests.Support;

/// <summary>
/// Class fixture handing out fresh test databases. On PostgreSQL it migrates one uniquely named template database
/// per fixture (on first use, so SQLite-only runs never touch a server), copies it for each test, and drops it
/// when the test class is done.
/// </summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TestDatabase? _template;

    /// <summary>An empty database: what a server finds on its very first start.</summary>
    public Task<TestDatabase> CreateEmptyAsync(DatabaseProvider provider) => TestDatabase.CreateAsync(provider);

    /// <summary>A database with Memento's migrations applied.</summary>
    public async Task<TestDatabase> CreateMigratedAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite) return await TestDatabase.CreateMigratedAsync(provider);
        return await TestDatabase.CreateAsync(provider, await TemplateAsync());
    }

    private async Task<string> TemplateAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _template ??= await TestDatabase.CreateMigratedAsync(DatabaseProvider.Postgres);
            return _template.PostgresName!;
        }
        finally { _gate.Release(); }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_template is not null) await _template.DisposeAsync();
    }
}
