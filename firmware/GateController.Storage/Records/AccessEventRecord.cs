using GateController.Core.Credentials;
using GateController.Core.Residents;

namespace GateController.Storage.Records;

/// <summary>One access decision at a door; holds a pseudonymous resident id at most.</summary>
/// <param name="Time">When the decision was made.</param>
/// <param name="DoorId">Which door.</param>
/// <param name="Credential">What was presented, if anything.</param>
/// <param name="Resident">Who was recognised, if anyone.</param>
/// <param name="Granted">Whether the door opened.</param>
/// <param name="Reason">A short non-personal reason code, for example "granted" or "unknown-card".</param>
public sealed record AccessEventRecord(
    DateTimeOffset Time,
    string DoorId,
    CredentialKind? Credential,
    ResidentId? Resident,
    bool Granted,
    string Reason);
