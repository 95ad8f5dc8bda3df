using System.Security.Cryptography;
using System.Text;

namespace Memento.Domain.Services.ShareLinks;

/// <summary>
/// The server secret share-link tokens are derived from: token = HMAC-SHA256(secret, the link's random salt). The
/// database keeps the salt and the token's SHA-256 (what <see cref="ShareLinkService.ResolveAsync"/> looks up), so
/// the server can give an active link's URL back to the annotation's participants after a reload, while a leaked
/// database alone (salts and hashes, no secret) yields no usable link. The host loads the secret from its data
/// directory (<c>secrets/share-links.key</c>), shared by every instance that shares the data directory.
/// </summary>
public sealed class ShareLinkSecret
{
    private readonly byte[] _key;

    public ShareLinkSecret(byte[] key)
    {
        if (key.Length < 32) throw new ArgumentException("The share-link secret must have at least 32 bytes.", nameof(key));
        _key = key.ToArray();
    }

    /// <summary>
    /// A secret that lives as long as the process: for hosts without a data directory (tests building the domain
    /// alone). Links made with it resolve after a restart (only the hash is looked up), but their URLs are no longer
    /// recoverable: <see cref="ShareLinkService.TokenOfAsync"/> checks the derived token against the stored hash.
    /// </summary>
    public static ShareLinkSecret Ephemeral() => new(RandomNumberGenerator.GetBytes(32));

    /// <summary>A new salt: 256 random bits, lower-case hex (what the TokenSalt column stores).</summary>
    public static string NewSalt() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>The link's token for a salt: 256 bits, URL-safe base64 (43 characters).</summary>
    public string TokenFor(string salt)
    {
        Span<byte> mac = stackalloc byte[32];
        // A message shape of its own, so this MAC can never be mistaken for another use of a key.
        HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes("memento-share-link|" + salt), mac);
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
