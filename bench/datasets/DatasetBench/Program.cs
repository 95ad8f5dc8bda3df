// The dataset search benchmark. Builds a synthetic dataset in bulk (COPY on PostgreSQL) into an empty database, then
// times the document's example query and 20 varied queries (every rule, every ordering, deep offsets) through
// DatasetSearchService, as a signed-in user: first page (limit 20) median and p99 over the rounds, and the EXPLAIN of
// the slowest query on PostgreSQL.
// Usage: dotnet run -c Release --project bench/datasets/DatasetBench -- <postgres|sqlite> <connection string or file> <images> [rounds]
// (bench/datasets/run.sh runs both engines in one go.)
using System.Diagnostics;
using DatasetBench;
using Memento.Domain.Data;
using Memento.Domain.Data.Migrations;
using Microsoft.EntityFrameworkCore;

var engine = args[0];
var target = args[1];
var images = int.Parse(args[2]);
var rounds = args.Length > 3 ? int.Parse(args[3]) : 20;

var options = new DbContextOptionsBuilder<MementoDbContext>();
var recorder = new CommandRecorder();
if (engine == "postgres") options.UseNpgsql(target);
else options.UseSqlite(MementoDatabase.SqliteConnectionString(target));
options.AddInterceptors(recorder);
DbContextOptions<MementoDbContext> built = options.Options;

await using (var db = new MementoDbContext(built))
{
    var fresh = !await db.Database.CanConnectAsync() || !(await DatabaseMigrator.AppliedMigrationsAsync(db, default)).Any();
    if (fresh)
    {
        Console.WriteLine($"{engine}: migrating and generating {images:N0} images");
        var watch = Stopwatch.StartNew();
        await DatabaseMigrator.MigrateAsync(db, default);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var seeded = (await db.Licences.Select(l => l.Id).ToListAsync()).Concat(await db.Natures.Select(n => n.Id).ToListAsync()).ToHashSet();
        await new Generator(BulkWriter.For(connection), images, seeded).RunAsync();
        if (engine == "postgres") await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE");
        else await db.Database.ExecuteSqlRawAsync("ANALYZE");
        Console.WriteLine($"  total {watch.Elapsed.TotalSeconds:F0} s");
    }
    Console.WriteLine($"  {await db.Images.CountAsync():N0} images, {await db.Regions.CountAsync():N0} regions, " +
                      $"{await db.ObjectTypes.CountAsync():N0} object types, {await db.Ratings.CountAsync():N0} ratings, " +
                      $"{await db.GalleryImages.CountAsync():N0} gallery entries");
}
if (rounds > 0) await SearchTimings.RunAsync(built, recorder, engine, rounds); // 0: generate only
