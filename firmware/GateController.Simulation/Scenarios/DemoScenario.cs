using GateController.Core.Credentials;
using GateController.Core.Door;
using GateController.Core.Readers;

namespace GateController.Simulation.Scenarios;

/// <summary>
/// The demonstration timeline played by <c>gatecontrollerd --simulate</c>: a granted card through the door and
/// relock on close, a denied card, the exit button, a door held open, a forced door, a locked-out keypad, the fire
/// alarm releasing and clearing, tamper, and an operator's manual release. Access decisions are scripted as
/// decision lines; pass a decision delegate to put a real access policy in their place.
/// </summary>
public static class DemoScenario
{
    /// <summary>When the demonstration starts: 08:00 local time at a gate in UTC+8.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 8, 0, 0, TimeSpan.FromHours(8));

    // Pseudonymous test cards; the timeline never prints them.
    private static readonly byte[] ResidentCard = [0x2A, 0x30, 0x39];
    private static readonly byte[] UnknownCard = [0x7F, 0x01, 0x02];

    /// <summary>The demonstration door: 5 s pulse, 30 s held-open threshold, fail-secure strike, relock on close.</summary>
    public static DoorOptions CreateDoorOptions() => new()
    {
        PulseDuration = TimeSpan.FromSeconds(5),
        HeldOpenThreshold = TimeSpan.FromSeconds(30),
        LockType = LockType.FailSecure,
        RelockOnClose = true,
    };

    /// <summary>Plays the demonstration and prints its timeline to <paramref name="output"/>.</summary>
    /// <param name="output">Where the timeline goes.</param>
    /// <param name="decide">The access decision for every credential; null plays the scripted decision lines.</param>
    public static ScenarioResult Run(TextWriter output, Func<CredentialPresented, ScenarioDecision>? decide = null)
    {
        using var runner = new ScenarioRunner(CreateDoorOptions(), Start, output);
        return runner.Run(CreateSteps(decide));
    }

    /// <summary>The demonstration's steps.</summary>
    /// <param name="decide">The access decision for every credential; null plays the scripted decision lines.</param>
    public static IReadOnlyList<ScenarioStep> CreateSteps(Func<CredentialPresented, ScenarioDecision>? decide = null) =>
    [
        // A resident's card: unlock, through the door, relock as it closes.
        Card(0, "front", ResidentCard, "granted", decide, [DoorEventKind.Unlocked], DoorLockState.Unlocked, BuzzerPattern.Granted),
        Contact(1.5, open: true, [DoorEventKind.Opened], DoorLockState.Unlocked),
        Contact(3, open: false, [DoorEventKind.Closed, DoorEventKind.Relocked], DoorLockState.Locked),

        // An unknown card is a decision, not an error.
        Card(10, "front", UnknownCard, "denied: unknown credential", decide, [], DoorLockState.Locked, BuzzerPattern.Denied),

        // Leaving by the exit button; nobody opens the door, so the pulse ends.
        Act(20, "exit button pressed", r => r.Door.ExitButtonPressed(), [DoorEventKind.Unlocked], DoorLockState.Unlocked),
        Wait(25, "nobody opens the door", [DoorEventKind.Relocked], DoorLockState.Locked),

        // A door left open: relock at the pulse's end, held-open alarm at 30 s, cleared as it closes.
        Card(60, "front", ResidentCard, "granted", decide, [DoorEventKind.Unlocked], DoorLockState.Unlocked, BuzzerPattern.Granted),
        Contact(61, open: true, [DoorEventKind.Opened], DoorLockState.Unlocked),
        Wait(91, "the door is left open", [DoorEventKind.Relocked, DoorEventKind.HeldOpen], DoorLockState.Locked, BuzzerPattern.Alarm),
        Contact(105, open: false, [DoorEventKind.Closed], DoorLockState.Locked, BuzzerPattern.None),

        // A door opened without a grant or the exit button.
        Contact(120, open: true, [DoorEventKind.Opened, DoorEventKind.Forced], DoorLockState.Locked, BuzzerPattern.Alarm),
        Contact(124, open: false, [DoorEventKind.Closed], DoorLockState.Locked, BuzzerPattern.None),

        // A keypad locked out after too many wrong PINs.
        Pin(150, "keypad", "denied: locked out", decide, [], DoorLockState.Locked, BuzzerPattern.LockedOut),

        // The fire alarm releases the door and holds it so, whatever else happens, until it clears.
        Act(180, "fire alarm input active", r => r.Door.FireAlarmChanged(active: true), [DoorEventKind.FireReleaseStarted], DoorLockState.FireRelease),
        Contact(190, open: true, [DoorEventKind.Opened], DoorLockState.FireRelease),
        Wait(270, "residents evacuate; the door stays open", [], DoorLockState.FireRelease, BuzzerPattern.None),
        Card(280, "front", ResidentCard, "granted", decide, [], DoorLockState.FireRelease),
        Contact(300, open: false, [DoorEventKind.Closed], DoorLockState.FireRelease),
        Wait(330, "the fire release outlasts any pulse", [], DoorLockState.FireRelease),
        Act(360, "fire alarm input cleared", r => r.Door.FireAlarmChanged(active: false), [DoorEventKind.FireReleaseEnded, DoorEventKind.Relocked], DoorLockState.Locked),

        // Someone opens the reader's enclosure.
        Act(420, "tamper switch opened", r => r.Door.TamperChanged(active: true), [DoorEventKind.Tamper], DoorLockState.Locked, BuzzerPattern.Alarm),
        Act(440, "tamper switch closed", r => r.Door.TamperChanged(active: false), [DoorEventKind.TamperCleared], DoorLockState.Locked, BuzzerPattern.None),

        // The property office releases the door for a delivery.
        Act(480, "operator releases the door for 60 s", r => r.Door.ManualRelease(TimeSpan.FromSeconds(60)) ? null : "refused", [DoorEventKind.ManualRelease], DoorLockState.ManualRelease),
        Wait(540, "the manual release runs out", [DoorEventKind.Relocked], DoorLockState.Locked),
    ];

    private static ScenarioStep Card(double atSeconds, string reader, byte[] uid, string decisionLine, Func<CredentialPresented, ScenarioDecision>? decide,
        DoorEventKind[] expected, DoorLockState state, BuzzerPattern? buzzer = null) =>
        new(TimeSpan.FromSeconds(atSeconds), $"card presented at reader \"{reader}\"",
            r => r.PresentCredential(CredentialPresented.ForCard(reader, CardFormat.Wiegand26, uid, r.Clock.GetUtcNow()), decide ?? (_ => ScenarioDecision.Parse(decisionLine))).ToString(),
            expected)
        {
            ExpectedState = state,
            ExpectedBuzzer = buzzer,
        };

    private static ScenarioStep Pin(double atSeconds, string reader, string decisionLine, Func<CredentialPresented, ScenarioDecision>? decide,
        DoorEventKind[] expected, DoorLockState state, BuzzerPattern? buzzer = null) =>
        new(TimeSpan.FromSeconds(atSeconds), $"PIN entered at \"{reader}\"",
            r => r.PresentCredential(CredentialPresented.ForPin(reader, "739215", r.Clock.GetUtcNow()), decide ?? (_ => ScenarioDecision.Parse(decisionLine))).ToString(),
            expected)
        {
            ExpectedState = state,
            ExpectedBuzzer = buzzer,
        };

    private static ScenarioStep Contact(double atSeconds, bool open, DoorEventKind[] expected, DoorLockState state, BuzzerPattern? buzzer = null) =>
        Act(atSeconds, open ? "door contact: open" : "door contact: closed", r => r.Door.DoorContactChanged(open), expected, state, buzzer);

    private static ScenarioStep Act(double atSeconds, string description, Action<ScenarioRunner> action, DoorEventKind[] expected, DoorLockState state, BuzzerPattern? buzzer = null) =>
        Act(atSeconds, description, r =>
        {
            action(r);
            return null;
        }, expected, state, buzzer);

    private static ScenarioStep Act(double atSeconds, string description, Func<ScenarioRunner, string?> action, DoorEventKind[] expected, DoorLockState state, BuzzerPattern? buzzer = null) =>
        new(TimeSpan.FromSeconds(atSeconds), description, action, expected)
        {
            ExpectedState = state,
            ExpectedBuzzer = buzzer,
        };

    private static ScenarioStep Wait(double atSeconds, string description, DoorEventKind[] expected, DoorLockState state, BuzzerPattern? buzzer = null) =>
        new(TimeSpan.FromSeconds(atSeconds), description, null, expected)
        {
            ExpectedState = state,
            ExpectedBuzzer = buzzer,
        };
}
