using GateController.Core.Access;
using GateController.Core.Door;

namespace GateController.Simulation.Scenarios;

/// <summary>
/// One line of a scripted timeline: at <see cref="At"/> after the start, do something (or only let time pass),
/// then expect exactly <see cref="ExpectedEvents"/> from the door since the previous step, and optionally a state,
/// a buzzer pattern, and the reason code and alarm of the one access decision the step makes.
/// </summary>
public sealed class ScenarioStep
{
    /// <summary>Creates a step.</summary>
    /// <param name="at">When, after the scenario's start.</param>
    /// <param name="description">What happens, in words, for the timeline.</param>
    /// <param name="action">What the runner does; returns a detail for the timeline (for example the decision) or null.
    /// Null for a step that only lets time pass.</param>
    /// <param name="expectedEvents">The door events expected since the previous step, in order.</param>
    public ScenarioStep(TimeSpan at, string description, Func<ScenarioRunner, string?>? action, IReadOnlyList<DoorEventKind> expectedEvents)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(at, TimeSpan.Zero);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentNullException.ThrowIfNull(expectedEvents);
        At = at;
        Description = description;
        Action = action;
        ExpectedEvents = expectedEvents;
    }

    /// <summary>When, after the scenario's start.</summary>
    public TimeSpan At { get; }

    /// <summary>What happens, in words.</summary>
    public string Description { get; }

    /// <summary>What the runner does, or null when only time passes.</summary>
    public Func<ScenarioRunner, string?>? Action { get; }

    /// <summary>The door events expected since the previous step, in order.</summary>
    public IReadOnlyList<DoorEventKind> ExpectedEvents { get; }

    /// <summary>The lock state expected after the step, if checked.</summary>
    public DoorLockState? ExpectedState { get; init; }

    /// <summary>The buzzer pattern expected right after the step, if checked.</summary>
    public BuzzerPattern? ExpectedBuzzer { get; init; }

    /// <summary>The reason code the step's access decision must have; when set, the step must present a credential.</summary>
    public AccessReason? ExpectedReason { get; init; }

    /// <summary>The alarm the step's access decision must raise (<see cref="ScenarioAlarm.None"/> for none), if checked.</summary>
    public ScenarioAlarm? ExpectedAlarm { get; init; }
}
