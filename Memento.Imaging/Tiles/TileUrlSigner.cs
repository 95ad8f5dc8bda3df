using System.Security.Cryptography;
using System.Text;

namespace Memento.Imaging.Tiles;

/// <summary>
/// Mints and checks the signed, expiring path prefix under which an image's tiles are served:
/// <c>/tiles/{imageId}/{expiry}/{signature}/</c>. The API signs a prefix when it hands image data to someone allowed
/// to see it; the tile endpoint then checks only the HMAC and the clock — no database round-trip per tile.
/// </summary>
public sealed class TileUrlSigner
{
    /// <summary>
    /// Expiries are rounded up to this step, so everyone asking within the same hour gets the same URLs and the
    /// browser's immutable cache keeps working across page loads.
    /// </summary>
    public static readonly TimeSpan ExpiryStep = TimeSpan.FromHours(1);

    private readonly byte[] _key;
    private readonly TimeProvider _clock;

    public TileUrlSigner(byte[] key, TimeProvider clock)
    {
        if (key.Length < 32) throw new ArgumentException("The signing key must have at least 32 bytes.", nameof(key));
        _key = key;
        _clock = clock;
    }

    /// <summary>The URL prefix (ending in '/') for an image's files, valid for at least <paramref name="ttl"/>.</summary>
    public string Sign(long imageId, TimeSpan ttl)
    {
        var step = (long)ExpiryStep.TotalSeconds;
        var until = _clock.GetUtcNow().Add(ttl).ToUnixTimeSeconds();
        var expiry = (until + step - 1) / step * step;
        return $"/tiles/{imageId}/{expiry}/{Signature(imageId, expiry)}/";
    }

    /// <summary>True when the signature is ours for this image and expiry and the expiry has not passed.</summary>
    public bool IsValid(long imageId, long expiry, string signature)
    {
        if (expiry < _clock.GetUtcNow().ToUnixTimeSeconds()) return false;
        var expected = Encoding.ASCII.GetBytes(Signature(imageId, expiry));
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private string Signature(long imageId, long expiry)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes($"tiles|{imageId}|{expiry}"), mac);
        // 128 bits are plenty for a MAC and keep URLs short.
        return Convert.ToBase64String(mac[..16]).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
