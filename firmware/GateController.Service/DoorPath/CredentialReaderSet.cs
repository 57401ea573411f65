using GateController.Core.Readers;
using GateController.Hardware.Gate;

namespace GateController.Service.DoorPath;

/// <summary>The door's readers as the access pipeline sees them, and the inner readers they wrap; disposes all of them.</summary>
public sealed class CredentialReaderSet : IDisposable
{
    private readonly List<ICredentialReader> _readers = [];

    /// <summary>The readers whose credentials the door path decides on.</summary>
    public IReadOnlyList<ICredentialReader> Readers => _readers;

    /// <summary>Readers wrapped by another (a Wiegand reader inside its PIN entry), disposed with the set.</summary>
    public List<IDisposable> Owned { get; } = [];

    /// <summary>The withdrawal routers in front of the keypads' PIN entries (also in <see cref="Owned"/>).</summary>
    public List<GateWithdrawalRouter> Routers { get; } = [];

    /// <summary>Adds a reader the pipeline listens to; the set disposes it.</summary>
    public void Add(ICredentialReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _readers.Add(reader);
    }

    /// <summary>Each reader's health now.</summary>
    public IReadOnlyList<ReaderHealth> Health() => [.. _readers.Select(r => r.Health)];

    /// <summary>Disposes the readers, outer first.</summary>
    public void Dispose()
    {
        foreach (var reader in _readers)
        {
            (reader as IDisposable)?.Dispose();
        }

        foreach (var owned in Owned)
        {
            owned.Dispose();
        }

        _readers.Clear();
        Owned.Clear();
        Routers.Clear();
    }
}
