using System.Collections.Frozen;

namespace Memento.Imaging.Tiles;

/// <summary>
/// The share links whose tile URLs must stop working although their signature and expiry still hold: links revoked
/// (or expired) recently enough that a URL signed for them may still be alive. Small (only links revoked within one
/// holder-URL lifetime), replaced whole by a periodic refresh, read lock-free by every tile request.
/// </summary>
public sealed class RevokedShareLinks
{
    private volatile FrozenSet<long> _ids = FrozenSet<long>.Empty;
    private readonly Lock _write = new();

    public bool Contains(long shareLinkId) => _ids.Contains(shareLinkId);

    public int Count => _ids.Count;

    /// <summary>The refresh's answer replaces the set (links that aged out of it have no live URL left).</summary>
    public void Replace(IEnumerable<long> ids) { lock (_write) _ids = ids.ToFrozenSet(); }

    /// <summary>A revocation made by this instance takes effect here at once, before the next refresh.</summary>
    public void Add(long shareLinkId)
    {
        lock (_write) _ids = _ids.Append(shareLinkId).ToFrozenSet();
    }
}
