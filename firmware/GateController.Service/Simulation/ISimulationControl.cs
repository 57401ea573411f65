using GateController.Core.Credentials;
using GateController.Hardware.Door;

namespace GateController.Service.Simulation;

/// <summary>
/// The hands of the simulated board, for the demonstration and the end-to-end tests: what a person at the gate does
/// (tap a card, press keys, show a face, open the door, trigger the fire alarm), done to the simulated lines and camera
/// the service's real drivers and decoders read. Reached through the admin API only when gatecontrollerd runs with
/// <c>--simulate</c>. Each action waits until the door path has dealt with it (or <paramref name="timeout"/> passed) and
/// returns what happened, so a script can check every step.
/// </summary>
public interface ISimulationControl
{
    /// <summary>Taps a card on the Wiegand reader: its bits go out as edges on the simulated D0/D1 lines.</summary>
    Task<SimulationStepResult> TapCardAsync(CardFormat format, byte[] uid, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Presses keys on the keypad one after another ('0'–'9', '*', '#'), as a person would.</summary>
    Task<SimulationStepResult> PressKeysAsync(string keys, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Puts the JPEG photo at <paramref name="photoPath"/> in front of the camera, or an empty scene when null.</summary>
    Task<SimulationStepResult> ShowFaceAsync(string? photoPath, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>Drives a door input line: the exit button, the door contact (open), the fire alarm or the tamper switch.</summary>
    Task<SimulationStepResult> SetInputAsync(DoorInputKind input, bool active, TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>The board's outputs and inputs now.</summary>
    SimulatedBoardState ReadState();
}
