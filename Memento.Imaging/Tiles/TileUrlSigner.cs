using System.Security.Cryptography;
using System.Text;

namespace Memento.Imaging.Tiles;

/// <summary>
/// Mints and checks the signed, expiring path prefix under which an image's tiles are served:
/// <c>/tiles/{imageId}/{version}/{expiry}/{signature}/</c>. The version names the ingest that wrote the files (the
/// server-chosen directory name), so replacing an image's file changes every URL and no browser or proxy keeps
/// showing the old pixels from its immutable cache. The API signs a prefix when it hands image data to someone allowed
/// to see it; the tile endpoint then checks only the HMAC and the clock — no database round-trip per tile.
/// </summary>
public sealed class TileUrlSigner
{
    /// <summary>
    /// Expiries are rounded up to this step, so everyone asking within the same hour gets the same URLs and the
    /// browser's immutable cache keeps working across page loads.
    /// </summary>
    public static readonly TimeSpan ExpiryStep = TimeSpan.FromHours(1);

    /// <summary>How many verified prefixes are remembered; about one per image being viewed per hour.</summary>
    public const int VerifiedCapacity = 4096;

    private readonly byte[] _key;
    private readonly TimeProvider _clock;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long ImageId, string Version, long Expiry)> _verified =
        new(StringComparer.Ordinal);

    public TileUrlSigner(byte[] key, TimeProvider clock)
    {
        if (key.Length < 32) throw new ArgumentException("The signing key must have at least 32 bytes.", nameof(key));
        _key = key;
        _clock = clock;
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

    /// <summary>True when the signature is ours for this image and expiry and the expiry has not passed.</summary>
    public bool IsValid(long imageId, string version, long expiry, string signature)
    {
        if (expiry < _clock.GetUtcNow().ToUnixTimeSeconds()) return false;
        // Every tile of an image shares one prefix, so almost every check is one already made: remembering verified
        // signatures (never refused ones, so nothing an attacker sends is kept) spares an HMAC per tile, which was
        // 5 % of the server's CPU under load.
        if (_verified.TryGetValue(signature, out var known)
            && known.ImageId == imageId && known.Expiry == expiry && string.Equals(known.Version, version, StringComparison.Ordinal))
            return true;
        if (!IsVersion(version)) return false;
        var expected = Encoding.ASCII.GetBytes(Signature(imageId, version, expiry));
        var given = Encoding.ASCII.GetBytes(signature);
        if (!CryptographicOperations.FixedTimeEquals(expected, given)) return false;
        if (_verified.Count >= VerifiedCapacity) _verified.Clear(); // expired prefixes go with the rest
        _verified[signature] = (imageId, version, expiry);
        return true;
    }

    /// <summary>The version of an image's files: the last segment of its storage directory.</summary>
    public static string VersionOf(string storageDirectory) => Path.GetFileName(storageDirectory.TrimEnd('/', '\\'));

    private static bool IsVersion(string version) =>
        version.Length is > 0 and <= 64 && version.All(char.IsAsciiLetterOrDigit);

    private string Signature(long imageId, string version, long expiry)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes($"tiles|{imageId}|{version}|{expiry}"), mac);
        // 128 bits are plenty for a MAC and keep URLs short.
        return Convert.ToBase64String(mac[..16]).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
