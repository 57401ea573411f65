using GateController.Core.Access;
using GateController.Core.Readers;

namespace GateController.Hardware.Gate;

/// <summary>
/// The decision function of a door's <see cref="AccessPipeline"/>: the door's <see cref="AccessGate"/> decides each
/// credential, every decision is fed to the door's keypad routers (withdrawal at the gate) and to
/// <see cref="Decided"/>, and the door is told what to do (<see cref="DoorResponses.From(GateDecision)"/>).
/// Pass <see cref="Decide"/> to the pipeline; it runs on the pipeline's decision loop, one credential at a time.
/// </summary>
public sealed class DoorAccessDecider
{
    private readonly AccessGate _gate;
    private readonly GateWithdrawalRouter[] _routers;
    private long _handlerFaults;

    /// <summary>Creates the decider.</summary>
    /// <param name="gate">The door's access gate.</param>
    /// <param name="routers">The door's keypad routers; each sees every decision of the door.</param>
    public DoorAccessDecider(AccessGate gate, IEnumerable<GateWithdrawalRouter> routers)
    {
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(routers);
        _gate = gate;
        _routers = [.. routers];
    }

    /// <summary>Raised after each decision (log it as <see cref="GateDecision.ToEvent"/>, publish its alarms); handlers' exceptions are caught and counted.</summary>
    public event EventHandler<GateDecision>? Decided;

    /// <summary>The door's access gate.</summary>
    public AccessGate Gate => _gate;

    /// <summary>Exceptions thrown by <see cref="Decided"/> handlers, caught and counted.</summary>
    public long HandlerFaults => Interlocked.Read(ref _handlerFaults);

    /// <summary>Decides on <paramref name="credential"/> and returns what the door does.</summary>
    public DoorResponse Decide(CredentialPresented credential)
    {
        var decision = _gate.Decide(credential);
        foreach (var router in _routers)
        {
            router.OnDecided(decision);
        }

        try
        {
            Decided?.Invoke(this, decision);
        }
#pragma warning disable CA1031 // An observer's fault must not change the door's response.
        catch (Exception)
#pragma warning restore CA1031
        {
            Interlocked.Increment(ref _handlerFaults);
        }

        return DoorResponses.From(decision);
    }
}
