using GateController.Core.Access;
using GateController.Core.Readers;

namespace GateController.Service.DoorPath;

/// <summary>The access decision the door path asks for each credential; called on the decision loop only.</summary>
public interface IGateDecider
{
    /// <summary>The door the decisions are for.</summary>
    DoorId DoorId { get; }

    /// <summary>Decides on <paramref name="credential"/> and records the attempt (lockouts, a visitor code's use).</summary>
    GateDecision Decide(CredentialPresented credential);
}
