using Memento.Domain.Data;
using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace Memento.Tests.Domain;

public class SqliteOpensTests
{
    [Fact]
    public async Task A_sqlite_database_in_the_data_directory_opens_in_wal_mode_with_foreign_keys()
    {
        var dir = Path.Combine(Path.GetTempPath(), "memento-test-" + Guid.NewGuid().ToString("N"), "data");
        var options = new DbContextOptionsBuilder<MementoDbContext>();
        Assert.Equal(DatabaseProvider.Sqlite, MementoDatabase.Configure(options, "", dir));
        await using var db = new MementoDbContext(options.Options);
        await db.Database.EnsureCreatedAsync();
        Assert.True(File.Exists(Path.Combine(dir, "memento.db")));
        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await cmd.ExecuteScalarAsync());
        cmd.CommandText = "PRAGMA foreign_keys";
        Assert.Equal(1L, (long?)await cmd.ExecuteScalarAsync());
        cmd.CommandText = "PRAGMA busy_timeout";
        Assert.Equal(5000L, (long?)await cmd.ExecuteScalarAsync());
        db.Users.Add(new User { UserName = "Alice", NormalizedUserName = User.Normalize("Alice"), CreatedAt = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        // Time comparisons must translate to SQL (the default TEXT mapping on SQLite cannot compare).
        var later = DateTimeOffset.UtcNow.AddMinutes(1);
        Assert.Equal(1, await db.Users.CountAsync(u => u.CreatedAt < later));
    }
}
