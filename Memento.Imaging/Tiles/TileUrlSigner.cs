using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Memento.Imaging.Tiles;

/// <summary>
/// Mints and checks the signed, expiring path prefix under which an image's tiles are served:
/// <c>/tiles/{imageId}/{version}/{expiry}/{signature}/</c>. The version names the ingest that wrote the files (the
/// server-chosen directory name), so replacing an image's file changes every URL and no browser or proxy keeps
/// showing the old pixels from its immutable cache. The API signs a prefix when it hands image data to someone allowed
/// to see it; the tile endpoint then checks only the HMAC and the clock — no database round-trip per tile.
/// A share-link holder's prefix also names the link (<c>{linkId}.{mac}</c> in the signature segment, covered by the
/// MAC), so the link's revocation reaches its tiles through <see cref="RevokedShareLinks"/>, one set lookup per tile.
/// </summary>
public sealed class TileUrlSigner
{
    /// <summary>
    /// Expiries are rounded up to this step, so everyone asking within the same hour gets the same URLs and the
    /// browser's immutable cache keeps working across page loads.
    /// </summary>
    public static readonly TimeSpan ExpiryStep = TimeSpan.FromHours(1);

    /// <summary>
    /// Share-link holders' expiries are rounded down to this step (never up: a holder's URL must not outlive the link),
    /// so URLs still repeat within the step and browsers keep caching.
    /// </summary>
    public static readonly TimeSpan ShareExpiryStep = TimeSpan.FromMinutes(5);

    /// <summary>How many verified prefixes are remembered; about one per image being viewed per hour.</summary>
    public const int VerifiedCapacity = 4096;

    private readonly byte[] _key;
    private readonly TimeProvider _clock;
    private readonly RevokedShareLinks _revoked;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long ImageId, string Version, long Expiry, long LinkId)> _verified =
        new(StringComparer.Ordinal);

    public TileUrlSigner(byte[] key, TimeProvider clock, RevokedShareLinks? revoked = null)
    {
        if (key.Length < 32) throw new ArgumentException("The signing key must have at least 32 bytes.", nameof(key));
        _key = key;
        _clock = clock;
        _revoked = revoked ?? new RevokedShareLinks();
    }

    /// <summary>The URL prefix (ending in '/') for an image's files, valid for at least <paramref name="ttl"/>.</summary>
    public string Sign(long imageId, string version, TimeSpan ttl)
    {
        if (!IsVersion(version)) throw new ArgumentException("A version is a directory name of letters and digits.", nameof(version));
        var step = (long)ExpiryStep.TotalSeconds;
        var until = _clock.GetUtcNow().Add(ttl).ToUnixTimeSeconds();
        var expiry = (until + step - 1) / step * step;
        return $"/tiles/{imageId}/{version}/{expiry}/{Signature(imageId, version, expiry)}/";
    }

    /// <summary>
    /// The prefix handed to the holder of share link <paramref name="shareLinkId"/>: valid for at most
    /// <paramref name="ttl"/> and never past <paramref name="linkExpiresAt"/>, and refused once the link is in
    /// <see cref="RevokedShareLinks"/>.
    /// </summary>
    public string SignForShareLink(long imageId, string version, long shareLinkId, DateTimeOffset? linkExpiresAt, TimeSpan ttl)
    {
        if (!IsVersion(version)) throw new ArgumentException("A version is a directory name of letters and digits.", nameof(version));
        if (shareLinkId <= 0) throw new ArgumentOutOfRangeException(nameof(shareLinkId));
        var now = _clock.GetUtcNow().ToUnixTimeSeconds();
        var until = _clock.GetUtcNow().Add(ttl).ToUnixTimeSeconds();
        if (linkExpiresAt is { } end) until = Math.Min(until, end.ToUnixTimeSeconds());
        var step = (long)ShareExpiryStep.TotalSeconds;
        var expiry = until / step * step;
        // Less than a step left: the exact end, rather than a URL that is already dead.
        if (expiry <= now) expiry = until;
        return $"/tiles/{imageId}/{version}/{expiry}/{ShareSignature(imageId, version, expiry, shareLinkId)}/";
    }

    /// <summary>
    /// True when the signature is ours for this image and expiry, the expiry has not passed and, for a share-link
    /// holder's prefix, the link has not been revoked.
    /// </summary>
    public bool IsValid(long imageId, string version, long expiry, string signature)
    {
        if (expiry < _clock.GetUtcNow().ToUnixTimeSeconds()) return false;
        // Every tile of an image shares one prefix, so almost every check is one already made: remembering verified
        // signatures (never refused ones, so nothing an attacker sends is kept) spares an HMAC per tile, which was
        // 5 % of the server's CPU under load. The revocation check comes after the cache, so a remembered prefix of
        // a link revoked since is refused all the same.
        if (_verified.TryGetValue(signature, out var known)
            && known.ImageId == imageId && known.Expiry == expiry && string.Equals(known.Version, version, StringComparison.Ordinal))
            return known.LinkId == 0 || !_revoked.Contains(known.LinkId);
        if (!IsVersion(version)) return false;
        long linkId = 0;
        var dot = signature.IndexOf('.');
        if (dot >= 0 && !long.TryParse(signature.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out linkId)) return false;
        if (dot >= 0 && linkId <= 0) return false;
        // The whole segment is compared, link id included, so "007." for "7." or another link's id fails here.
        var expected = Encoding.ASCII.GetBytes(dot < 0 ? Signature(imageId, version, expiry) : ShareSignature(imageId, version, expiry, linkId));
        var given = Encoding.ASCII.GetBytes(signature);
        if (!CryptographicOperations.FixedTimeEquals(expected, given)) return false;
        if (linkId != 0 && _revoked.Contains(linkId)) return false;
        if (_verified.Count >= VerifiedCapacity) _verified.Clear(); // expired prefixes go with the rest
        _verified[signature] = (imageId, version, expiry, linkId);
        return true;
    }

    /// <summary>The version of an image's files: the last segment of its storage directory.</summary>
    public static string VersionOf(string storageDirectory) => Path.GetFileName(storageDirectory.TrimEnd('/', '\\'));

    private static bool IsVersion(string version) =>
        version.Length is > 0 and <= 64 && version.All(char.IsAsciiLetterOrDigit);

    private string Signature(long imageId, string version, long expiry) => Mac($"tiles|{imageId}|{version}|{expiry}");

    // A different message shape from Signature's, so a holder's MAC can never pass as a plain prefix's or the reverse.
    private string ShareSignature(long imageId, string version, long expiry, long linkId) =>
        string.Create(CultureInfo.InvariantCulture, $"{linkId}.") + Mac($"tiles|{imageId}|{version}|{expiry}|share|{linkId}");

    private string Mac(string message)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(message), mac);
        // 128 bits are plenty for a MAC and keep URLs short.
        return Convert.ToBase64String(mac[..16]).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
