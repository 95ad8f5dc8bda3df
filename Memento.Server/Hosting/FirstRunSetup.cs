using System.Security.Cryptography;
using System.Text;

namespace Memento.Server.Hosting;

/// <summary>
/// The one-time token that lets the first visitor create the first system administrator. It lives only in
/// memory (a restart with still no users prints a new one) and only its hash is kept, compared in constant time.
/// </summary>
public sealed class FirstRunSetup
{
    private readonly Lock gate = new();
    private byte[]? tokenHash;

    /// <summary>True while a token has been issued and not yet used.</summary>
    public bool IsOpen
    {
        get { lock (gate) return tokenHash is not null; }
    }

    /// <summary>Issues a new token and returns it (the only time it exists in clear).</summary>
    public string Open()
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        lock (gate) tokenHash = Hash(token);
        return token;
    }

    /// <summary>
    /// Uses the token up if it matches: of two simultaneous requests with the right token only one wins.
    /// The caller calls <see cref="Reopen"/> with the same token when creating the administrator then fails.
    /// </summary>
    public bool TryConsume(string? token)
    {
        if (string.IsNullOrEmpty(token)) return false;
        var candidate = Hash(token.Trim());
        lock (gate)
        {
            if (tokenHash is null || !CryptographicOperations.FixedTimeEquals(candidate, tokenHash))
                return false;
            tokenHash = null;
            return true;
        }
    }

    public void Reopen(string token)
    {
        lock (gate) tokenHash = Hash(token.Trim());
    }

    /// <summary>Closes setup for good (an administrator exists).</summary>
    public void Close()
    {
        lock (gate) tokenHash = null;
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
