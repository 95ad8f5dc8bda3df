using System.Security.Cryptography;
using System.Text;
using System.Buffers.Text;

namespace Memento.Domain.Accounts;

/// <summary>
/// The format of API tokens: "mem_" + 32 random bytes in base64url. The prefix makes leaked tokens easy to
/// recognise (secret scanners, logs); only the SHA-256 of the whole string is stored.
/// </summary>
public static class ApiTokenSecret
{
    public const string Scheme = "mem_";

    /// <summary>Characters of the secret kept in clear so users can tell their tokens apart.</summary>
    public const int PrefixLength = 12;

    public static string Generate() => Scheme + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Lower-case hex SHA-256, the form stored in ApiToken.TokenHash.</summary>
    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Cheap shape check before any database look-up.</summary>
    public static bool LooksValid(string? secret) =>
        secret is { Length: > 40 and < 100 } && secret.StartsWith(Scheme, StringComparison.Ordinal);
}
