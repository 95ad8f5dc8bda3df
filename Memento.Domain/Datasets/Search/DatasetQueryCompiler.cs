using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Memento.Domain.Data;
using Memento.Domain.Datasets.Query;
using Memento.Domain.Model;
using Microsoft.EntityFrameworkCore;

namespace Memento.Domain.Datasets.Search;

/// <summary>
/// Turns a <see cref="DatasetQuery"/> into <c>Where</c> clauses on an image query: every rule is a column test or an
/// EXISTS / COUNT subquery, so the whole search is one SQL statement and nothing is filtered in memory. Values are
/// captured in closures so EF Core sends them as parameters (one cached plan per query shape).
/// </summary>
public sealed partial class DatasetQueryCompiler(MementoDbContext db)
{
    /// <summary>
    /// The images of <paramref name="images"/> that the query selects. Object types, licences and natures are looked
    /// up first (one query each) so an unknown one is reported by name.
    /// </summary>
    public async Task<IQueryable<Image>> ApplyAsync(IQueryable<Image> images, DatasetQuery query, CancellationToken ct = default)
    {
        await CheckNamesAsync(query, ct);
        foreach (var rule in query.Want) images = images.Where(Predicate(rule));
        foreach (var rule in query.Exclude) images = images.Where(Not(Predicate(rule)));
        if (!query.IncludeObsolete) images = images.Where(i => !db.Images.Any(n => n.ReplacesId == i.Id));
        return images;
    }

    /// <summary>
    /// The number of regions over an image: those of the drawing layers of every annotation with a layer showing it
    /// (each region once, even when an annotation shows the image twice).
    /// </summary>
    /// Kept by the database's triggers (migration 0012), so ordering by it is an index scan, not a count per image.
    public Expression<Func<Image, int>> RegionCount() => i => i.RegionCount;

    private async Task CheckNamesAsync(DatasetQuery query, CancellationToken ct)
    {
        var rules = query.Want.Concat(query.Exclude).ToList();
        var objects = Items(rules, RuleKind.Has, RuleKind.HasObject);
        if (objects.Count > 0)
        {
            var names = objects.Select(o => o.Text).Distinct().ToList();
            var known = await db.ObjectTypes.Where(t => names.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct);
            ThrowUnknown(objects, known, "object type");
        }
        var licences = Items(rules, RuleKind.Licence);
        if (licences.Count > 0)
        {
            var names = licences.Select(o => o.Text).Distinct().ToList();
            var known = await db.Licences.Where(l => names.Contains(l.Id)).Select(l => l.Id).ToListAsync(ct);
            ThrowUnknown(licences, known, "licence");
        }
        var natures = Items(rules, RuleKind.Nature);
        if (natures.Count > 0)
        {
            var names = natures.Select(o => o.Text).Distinct().ToList();
            var known = await db.Natures.Where(n => names.Contains(n.Id)).Select(n => n.Id).ToListAsync(ct);
            ThrowUnknown(natures, known, "nature");
        }
    }

    private static List<QueryItem> Items(List<DatasetRule> rules, params RuleKind[] kinds) =>
        rules.Where(r => kinds.Contains(r.Kind)).SelectMany(r => r.Items).ToList();

    private static void ThrowUnknown(List<QueryItem> items, List<string> known, string what)
    {
        var set = known.ToHashSet(StringComparer.Ordinal);
        var unknown = items.FirstOrDefault(i => !set.Contains(i.Text));
        if (unknown is not null)
            throw new DatasetQueryException($"Unknown {what} '{unknown.Text}'.", unknown.Line, unknown.Column);
    }

    private Expression<Func<Image, bool>> Predicate(DatasetRule rule)
    {
        switch (rule.Kind)
        {
            case RuleKind.Has:
            {
                var ids = rule.Items.Select(x => x.Text).Distinct().ToList();
                // The closure holds each type with all of its ancestors (itself included): a region matches when
                // one of its type's ancestors is listed.
                var types = db.ObjectTypeAncestors.Where(a => ids.Contains(a.AncestorId)).Select(a => a.ObjectTypeId);
                return i => db.ImageObjects.Any(o => o.ImageId == i.Id && types.Contains(o.ObjectTypeId));
            }
            case RuleKind.HasObject:
            {
                var ids = rule.Items.Select(x => x.Text).Distinct().ToList();
                // ImageObjects (kept by triggers) lists the object types over each image: one probe per image, or
                // for a rare object the short list of images that hold it.
                return i => db.ImageObjects.Any(o => o.ImageId == i.Id && ids.Contains(o.ObjectTypeId));
            }
            case RuleKind.Nature:
            {
                var ids = rule.Items.Select(x => x.Text).Distinct().ToList();
                return i => i.NatureId != null && ids.Contains(i.NatureId);
            }
            case RuleKind.Licence:
            {
                var ids = rule.Items.Select(x => x.Text).Distinct().ToList();
                return i => db.ImageLicences.Any(l => l.ImageId == i.Id && ids.Contains(l.LicenceId));
            }
            case RuleKind.Author:
            {
                // User names are unique ignoring case; so is the match.
                var names = rule.Items.Select(x => User.Normalize(x.Text)).Distinct().ToList();
                return i => i.Uploader != null && names.Contains(i.Uploader.NormalizedUserName);
            }
            case RuleKind.Title:
            {
                var pattern = "%" + LikeEscape(Fold(rule.Text)) + "%";
                return i => EF.Functions.Like(i.Title.ToLower(), pattern, LikeEscapeCharacter);
            }
            case RuleKind.Description:
            {
                var pattern = "%" + LikeEscape(Fold(rule.Text)) + "%";
                return i => EF.Functions.Like(i.Description.ToLower(), pattern, LikeEscapeCharacter);
            }
            case RuleKind.OriginUrl:
            {
                // "commons.wikimedia.org" matches http://, https:// and protocol-less URLs alike; a protocol typed
                // in the query is dropped so it means the same.
                var rest = LikeEscape(Fold(Protocol().Replace(rule.Text, ""))) + "%";
                string http = "http://" + rest, https = "https://" + rest;
                return i => i.OriginUrl != null && (EF.Functions.Like(i.OriginUrl.ToLower(), rest, LikeEscapeCharacter)
                    || EF.Functions.Like(i.OriginUrl.ToLower(), http, LikeEscapeCharacter)
                    || EF.Functions.Like(i.OriginUrl.ToLower(), https, LikeEscapeCharacter));
            }
            case RuleKind.AboveWidth: { var n = (int)rule.Number; return i => i.Width >= n; }
            case RuleKind.BelowWidth: { var n = (int)rule.Number; return i => i.Width <= n; }
            case RuleKind.AboveHeight: { var n = (int)rule.Number; return i => i.Height >= n; }
            case RuleKind.BelowHeight: { var n = (int)rule.Number; return i => i.Height <= n; }
            case RuleKind.BeforeDate:
            {
                var at = DateTimeOffset.FromUnixTimeSeconds(rule.Number);
                return i => i.UploadedAt < at;
            }
            case RuleKind.AfterDate:
            {
                var at = DateTimeOffset.FromUnixTimeSeconds(rule.Number);
                return i => i.UploadedAt > at;
            }
            case RuleKind.InGallery:
            {
                var ids = rule.Ids.Distinct().ToList();
                return i => db.GalleryImages.Any(g => g.ImageId == i.Id && ids.Contains(g.GalleryId));
            }
            case RuleKind.CopiedFrom:
            {
                var ids = rule.Ids.Distinct().ToList();
                return i => i.CopiedFromId != null && ids.Contains(i.CopiedFromId.Value);
            }
            case RuleKind.AboveRating:
            {
                // Average ≥ stars, written as sum ≥ stars × count so both databases compare the same numbers; the
                // document keeps unrated images (above_rating_count: 1 removes them).
                var stars = rule.Stars;
                return i => !db.Ratings.Any(r => r.ImageId == i.Id)
                    || db.Ratings.Where(r => r.ImageId == i.Id).Sum(r => (double)r.Stars)
                        >= stars * db.Ratings.Count(r => r.ImageId == i.Id);
            }
            case RuleKind.BelowRating:
            {
                // An unrated image has no rating to be below anything.
                var stars = rule.Stars;
                return i => db.Ratings.Any(r => r.ImageId == i.Id)
                    && db.Ratings.Where(r => r.ImageId == i.Id).Sum(r => (double)r.Stars)
                        <= stars * db.Ratings.Count(r => r.ImageId == i.Id);
            }
            case RuleKind.AboveRatingCount:
            {
                var n = (int)rule.Number;
                return i => db.Ratings.Count(r => r.ImageId == i.Id) >= n;
            }
            case RuleKind.BelowRatingCount:
            {
                var n = (int)rule.Number;
                return i => db.Ratings.Count(r => r.ImageId == i.Id) <= n;
            }
            case RuleKind.AboveRegionCount: return Compare(RegionCount(), (int)rule.Number, Expression.GreaterThanOrEqual);
            case RuleKind.BelowRegionCount: return Compare(RegionCount(), (int)rule.Number, Expression.LessThanOrEqual);
            default: throw new InvalidOperationException(rule.Kind.ToString());
        }
    }

    private const string LikeEscapeCharacter = "\\";

    /// <summary>Case folding of the query text; the column side is folded by SQL lower(), which is Unicode-aware on
    /// PostgreSQL and, on SQLite, replaced per connection by the same .NET lowering (see SqliteConnectionSetup).</summary>
    private static string Fold(string text) => text.ToLowerInvariant();

    private static string LikeEscape(string text) =>
        text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.\-]*://")]
    private static partial Regex Protocol();

    private static Expression<Func<Image, bool>> Not(Expression<Func<Image, bool>> predicate) =>
        Expression.Lambda<Func<Image, bool>>(Expression.Not(predicate.Body), predicate.Parameters);

    /// <summary><c>value(i) op bound</c>, the bound read from a closure so EF Core sends it as a parameter.</summary>
    private static Expression<Func<Image, bool>> Compare(Expression<Func<Image, int>> value, int bound,
        Func<Expression, Expression, BinaryExpression> op)
    {
        Expression<Func<int>> parameter = () => bound;
        return Expression.Lambda<Func<Image, bool>>(op(value.Body, parameter.Body), value.Parameters);
    }
}
