using System.Text.Json;
using Memento.Domain.Data;
using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Services.Licences;

/// <summary>
/// Seeds the licences from the SPDX licence list as the npm package spdx-license-list ships it (spdx.json: id →
/// {name, url, osiApproved}). Only licences missing from the table are added, so running it at every start is
/// idempotent and never overwrites the curated rows of the migrations' seed (the Creative Commons licences with
/// their logos and hand-set "free" flags, the informal X- ones). For the rows it adds, "free" is the package's
/// osiApproved flag: it has no FSF field, and the OSI list is the one flag it carries.
/// </summary>
public static class SpdxLicenceList
{
    private const int MaxTitleLength = 200;

    /// <summary>Adds the licences of <paramref name="spdxJson"/> that are not in the table yet; returns how many.</summary>
    public static async Task<int> SeedAsync(MementoDbContext db, Stream spdxJson, CancellationToken ct = default)
    {
        using var document = await JsonDocument.ParseAsync(spdxJson, cancellationToken: ct);
        var existing = (await db.Licences.Select(l => l.Id).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var added = 0;
        foreach (var entry in document.RootElement.EnumerateObject())
        {
            if (existing.Contains(entry.Name) || entry.Name.Length > 100) continue;
            var name = Text(entry.Value, "name") ?? entry.Name;
            var url = Text(entry.Value, "url");
            var osi = entry.Value.TryGetProperty("osiApproved", out var flag) && flag.ValueKind == JsonValueKind.True;
            db.Licences.Add(new Licence
            {
                Id = entry.Name,
                Title = name.Length > MaxTitleLength ? name[..MaxTitleLength] : name,
                Description = $"{name}, from the SPDX licence list{(osi ? "; approved by the Open Source Initiative" : "")}.",
                IsFree = osi,
                IsPinned = false,
                InfoUrl = $"https://spdx.org/licenses/{Uri.EscapeDataString(entry.Name)}.html",
                LegalTextUrl = url is { Length: <= 2048 } && url.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? url : null,
            });
            added++;
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return added;
    }

    private static string? Text(JsonElement entry, string key) =>
        entry.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
