using Memento.Domain.Data;

namespace Memento.Tests.Support;

/// <summary>[MemberData] source for tests that must hold on every database Memento supports.</summary>
public static class Providers
{
    /// <summary>SQLite always; PostgreSQL when configured or required (see <see cref="TestPostgres"/>).</summary>
    public static TheoryData<DatabaseProvider> All
    {
        get
        {
            var data = new TheoryData<DatabaseProvider> { DatabaseProvider.Sqlite };
            if (TestPostgres.IsInPlay) data.Add(DatabaseProvider.Postgres);
            return data;
        }
    }
}
