namespace Memento.Server.Jobs;

/// <summary>
/// Who this server instance is, stable across its restarts, so that after a crash (kill -9, power loss) the restarted
/// instance can tell its previous life's job leases from other live instances' and take its jobs back at once instead
/// of waiting for their leases to expire. The identity is a slot, <c>{machine}#{n}</c>, held by an exclusive lock on
/// <c>instances/{machine}#{n}.lock</c> in the data directory for the life of the process: the operating system drops
/// the lock when the process dies however it dies, and a restarted instance takes the lowest free slot, i.e. its own.
/// Two live processes can never hold the same slot, so resetting the leases of one's own slot never touches a job
/// another live instance runs.
/// </summary>
public sealed class InstanceIdentity : IDisposable
{
    private readonly FileStream? _lock;

    private InstanceIdentity(string name, FileStream? held)
    {
        Name = name;
        _lock = held;
        Owner = $"{name}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    }

    /// <summary>The slot, <c>{machine}#{n}</c>; null-like "unnamed" identities never reclaim anything.</summary>
    public string Name { get; }

    /// <summary>The lease owner written on jobs this life claims: the slot, then what tells this life from the last.</summary>
    public string Owner { get; }

    /// <summary>The leases of this slot's previous lives start with this.</summary>
    public string OwnerPrefix => Name + ":";

    /// <summary>True when the slot is locked, so leases of <see cref="OwnerPrefix"/> belong to dead processes only.</summary>
    public bool IsHeld => _lock is not null;

    /// <summary>An identity that holds no slot (tools and tests that claim jobs without being a server).</summary>
    public static InstanceIdentity Unnamed { get; } = new($"{Machine()}~{Environment.ProcessId}", null);

    /// <summary>Takes the lowest free slot of this machine under <paramref name="dataPath"/>.</summary>
    public static InstanceIdentity Acquire(string dataPath, int maxSlots = 64)
    {
        var directory = Path.Combine(dataPath, "instances");
        Directory.CreateDirectory(directory);
        var machine = Machine();
        for (var n = 0; n < maxSlots; n++)
        {
            var name = $"{machine}#{n}";
            try
            {
                // FileShare.None takes an exclusive flock on Unix: refused while another live process holds it.
                var held = new FileStream(Path.Combine(directory, name + ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return new InstanceIdentity(name, held);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return Unnamed; // more live instances than slots: they fall back on lease expiry
    }

    public void Dispose() => _lock?.Dispose();

    // Host names are chosen by operators; keep them to characters that are safe in a file name and a LIKE pattern.
    private static string Machine() =>
        new([.. Environment.MachineName.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.').Take(64)]);
}
