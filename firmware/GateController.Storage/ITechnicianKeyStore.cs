using GateController.Storage.Records;

namespace GateController.Storage;

/// <summary>
/// Technicians' MQTT command keys: drawn by the store (32 random bytes), sealed under the device key, shown once when
/// added and otherwise only handed to the unit's command checker. Adding and removing are audited without the key.
/// </summary>
public interface ITechnicianKeyStore
{
    /// <summary>Raised after a technician was added or removed (on the caller's thread), so the command checker reloads its keys.</summary>
    event EventHandler? TechniciansChanged;

    /// <summary>Adds a technician with a fresh random key; the key is returned once and never again in clear.</summary>
    IssuedTechnicianKey AddTechnician(string technicianId, bool mayReleaseDoor, string? operatorId);

    /// <summary>Lists technicians by id: permission, when added, when last used; never the key.</summary>
    IReadOnlyList<TechnicianRecord> ListTechnicians();

    /// <summary>Removes a technician; returns false if there was none with this id.</summary>
    bool RemoveTechnician(string technicianId, string? operatorId);

    /// <summary>Unseals every technician's key, for the unit's command checker only (never logged or published).</summary>
    IReadOnlyList<TechnicianSecret> LoadTechnicianKeys();

    /// <summary>Notes that a command signed by this technician was verified at <paramref name="at"/>.</summary>
    void RecordTechnicianUse(string technicianId, DateTimeOffset at);
}
