using GateController.Core.Credentials;
using GateController.Hardware.Door;
using GateController.Service.Simulation;

namespace GateController.EndToEnd.Tests.Simulation;

/// <summary>An <see cref="ISimulationControl"/> that records what it was asked to do and answers <see cref="NextStep"/>.</summary>
internal sealed class FakeSimulationControl : ISimulationControl
{
    public static readonly SimulatedBoardState IdleBoard = new(false, false, false, "None", false, false, false);

    /// <summary>What every action answers.</summary>
    public SimulationStepResult NextStep { get; set; } = new([], [], IdleBoard);

    /// <summary>The board <see cref="ReadState"/> reports.</summary>
    public SimulatedBoardState Board { get; set; } = IdleBoard;

    /// <summary>The actions asked for, in order, each as one line ("card Wiegand26 2A3039", "keys 1234#", …).</summary>
    public List<string> Actions { get; } = [];

    /// <summary>When set, <see cref="ShowFaceAsync"/> fails as a board without a face reader does.</summary>
    public bool FaceReaderMissing { get; set; }

    /// <summary>The timeout of the last action.</summary>
    public TimeSpan LastTimeout { get; private set; }

    public Task<SimulationStepResult> TapCardAsync(CardFormat format, byte[] uid, TimeSpan timeout, CancellationToken cancellationToken) =>
        Record($"card {format} {Convert.ToHexString(uid)}", timeout);

    public Task<SimulationStepResult> PressKeysAsync(string keys, TimeSpan timeout, CancellationToken cancellationToken) =>
        Record($"keys {keys}", timeout);

    public Task<SimulationStepResult> ShowFaceAsync(string? photoPath, TimeSpan timeout, CancellationToken cancellationToken) =>
        FaceReaderMissing
            ? throw new InvalidOperationException("no face reader runs on this door path (Face and Camera need to be enabled)")
            : Record($"face {photoPath ?? "<none>"}", timeout);

    public Task<SimulationStepResult> SetInputAsync(DoorInputKind input, bool active, TimeSpan timeout, CancellationToken cancellationToken) =>
        Record($"input {input} {(active ? "on" : "off")}", timeout);

    public SimulatedBoardState ReadState()
    {
        Actions.Add("state");
        return Board;
    }

    private Task<SimulationStepResult> Record(string action, TimeSpan timeout)
    {
        Actions.Add(action);
        LastTimeout = timeout;
        return Task.FromResult(NextStep);
    }
}
