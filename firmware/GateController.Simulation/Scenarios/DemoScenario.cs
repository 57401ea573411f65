using GateController.Core.Access;
using GateController.Core.Credentials;
using GateController.Core.Door;
using GateController.Core.Readers;
using GateController.Simulation.Access;

namespace GateController.Simulation.Scenarios;

/// <summary>
/// The demonstration played by <c>gatecontrollerd --simulate</c>: the front gate's policies are validated (and a
/// face-only policy refused, P1), then a timeline of cards, PINs and visitor codes is judged by the access core and
/// drives the door state machine — grants, every kind of refusal, a keypad lockout and its back-off, a duress PIN,
/// card+PIN — along with the exit button, a door held open, a forced door, the fire alarm, tamper and a manual
/// release. Every step states its expected outcome; the run passes only if all of them happened.
/// </summary>
public static class DemoScenario
{
    /// <summary>When the demonstration starts: Friday 08:00 at a gate in Asia/Shanghai (UTC+8).</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 8, 0, 0, TimeSpan.FromHours(8));

    /// <summary>The demonstration door: 5 s pulse, 30 s held-open threshold, fail-secure strike, relock on close.</summary>
    public static DoorOptions CreateDoorOptions() => DemoCommunity.DoorOptions();

    /// <summary>Validates the policies, plays the timeline through the simulated front gate and prints it to <paramref name="output"/>.</summary>
    public static ScenarioResult Run(TextWriter output)
    {
        using var runner = new ScenarioRunner(CreateDoorOptions(), Start, output);
        var directory = DemoCommunity.CreateDirectory(Start);
        CheckPolicies(runner, directory);
        var gate = DemoCommunity.CreateGate(directory, runner.Door, runner.Clock);
        using var board = new DemoBoard(runner, gate.Decide);
        return runner.Run(CreateSteps((_, credential) => board.Present(credential), board));
    }

    /// <summary>Plays the timeline with <paramref name="decide"/> in place of the access core (its decisions drive the door).</summary>
    public static ScenarioResult Run(TextWriter output, Func<CredentialPresented, ScenarioDecision> decide)
    {
        ArgumentNullException.ThrowIfNull(decide);
        using var runner = new ScenarioRunner(CreateDoorOptions(), Start, output);
        using var board = new DemoBoard(runner, decide);
        return runner.Run(CreateSteps((_, credential) => board.Present(credential), board));
    }

    /// <summary>The demonstration's steps; <paramref name="present"/> decides on each credential and gives the door its feedback.</summary>
    public static IReadOnlyList<ScenarioStep> CreateSteps(Func<ScenarioRunner, CredentialPresented, ScenarioDecision> present) =>
        CreateSteps(present, board: null);

    /// <summary>
    /// The demonstration's steps. With a <paramref name="board"/>, cards are sent as Wiegand edges and decided through the
    /// access pipeline, and the door's inputs are set on their GPIO lines; without one, both go straight to the door.
    /// </summary>
    internal static IReadOnlyList<ScenarioStep> CreateSteps(Func<ScenarioRunner, CredentialPresented, ScenarioDecision> present, DemoBoard? board)
    {
        ArgumentNullException.ThrowIfNull(present);
        var steps = new List<ScenarioStep>
        {
            // A resident's card: unlock, through the door, relock as it closes.
            Card(0, "resident R0001 taps their card", DemoCommunity.CardHolderCard, present, board, AccessReason.Granted, [DoorEventKind.Unlocked], DoorLockState.Unlocked, BuzzerPattern.Granted),
            Contact(board, 1.5, open: true, [DoorEventKind.Opened], DoorLockState.Unlocked),
            Contact(board, 3, open: false, [DoorEventKind.Closed, DoorEventKind.Relocked], DoorLockState.Locked),

            // An unknown card is a decision, not an error.
            Card(10, "an unknown card is tapped", DemoCommunity.UnknownCard, present, board, AccessReason.UnknownCredential, [], DoorLockState.Locked, BuzzerPattern.Denied),

            // A PIN alone; nobody goes through, so the pulse ends.
            Keys(20, "resident R0002 types their PIN", DemoCommunity.PinHolderPin, visitor: false, present, board, AccessReason.Granted, [DoorEventKind.Unlocked], DoorLockState.Unlocked, BuzzerPattern.Granted),
            Wait(26, "nobody opens the door", [DoorEventKind.Relocked], DoorLockState.Locked),

            // A one-time visitor code works once.
            Keys(30, "a visitor types the one-time code R0001 issued", DemoCommunity.VisitorCode, visitor: true, present, board, AccessReason.Granted, [DoorEventKind.Unlocked], DoorLockState.Unlocked, BuzzerPattern.Granted),
            Contact(board, 31, open: true, [DoorEventKind.Opened], DoorLockState.Unlocked),
            Contact(board, 33, open: false, [DoorEventKind.Closed, DoorEventKind.Relocked], DoorLockState.Locked),
            Keys(40, "the same visitor code is typed again", DemoCommunity.VisitorCode, visitor: true, present, board, AccessReason.VisitorCodeUsedUp, [], DoorLockState.Locked, BuzzerPattern.Denied),

            // Refusals with their reasons.
            Card(50, "resident R0003 taps a card that expired", DemoCommunity.ExpiredCard, present, board, AccessReason.Expired, [], DoorLockState.Locked, BuzzerPattern.Denied),
            Card(60, "R0004 (daytime group, weekdays from 09:00) taps their card", DemoCommunity.DaytimeWorkerCard, present, board, AccessReason.OutsideSchedule, [], DoorLockState.Locked, BuzzerPattern.Denied),
            Card(70, "R0005, who moved out, taps their old card", DemoCommunity.MovedOutCard, present, board, AccessReason.ResidentMovedOut, [], DoorLockState.Locked, BuzzerPattern.Denied),
        };

        // Five wrong PINs lock the keypad and raise the alarm; the right PIN is refused until the back-off ends.
        for (var i = 0; i < DemoCommunity.WrongPins.Length; i++)
        {
            var last = i == DemoCommunity.WrongPins.Length - 1;
            steps.Add(Keys(80 + i, $"wrong PIN {i + 1} of {DemoCommunity.WrongPins.Length}", DemoCommunity.WrongPins[i], visitor: false, present, board,
                AccessReason.UnknownCredential, [], DoorLockState.Locked, last ? BuzzerPattern.LockedOut : BuzzerPattern.Denied,
                last ? ScenarioAlarm.KeypadLockedOut : ScenarioAlarm.None));
        }

        steps.AddRange(
        [
            Keys(90, "resident R0002 types their PIN during the lockout", DemoCommunity.PinHolderPin, visitor: false, present, board, AccessReason.LockedOut, [], DoorLockState.Locked, BuzzerPattern.LockedOut),
            Keys(150, "resident R0002 types their PIN after the 60 s back-off", DemoCommunity.PinHolderPin, visitor: false, present, board, AccessReason.Granted, [DoorEventKind.Unlocked], DoorLockState.Unlocked, BuzzerPattern.Granted),
            Wait(156, "nobody opens the door", [DoorEventKind.Relocked], DoorLockState.Locked),

            // Leaving by the exit button.
            Act(170, "exit button pressed", r => Exit(r, board), [DoorEventKind.Unlocked], DoorLockState.Unlocked),
            Contact(board, 171, open: true, [DoorEventKind.Opened], DoorLockState.Unlocked),
            Contact(board, 173, open: false, [DoorEventKind.Closed, DoorEventKind.Relocked], DoorLockState.Locked),

            // A duress PIN opens like any other, and raises a silent alarm.
            Keys(180, "resident R0006 types their duress PIN", DemoCommunity.DuressVictimDuressPin, visitor: false, present, board, AccessReason.Granted, [DoorEventKind.Unlocked], DoorLockState.Unlocked, BuzzerPattern.Granted, ScenarioAlarm.Duress),
            Contact(board, 181, open: true, [DoorEventKind.Opened], DoorLockState.Unlocked),
            Contact(board, 183, open: false, [DoorEventKind.Closed, DoorEventKind.Relocked], DoorLockState.Locked),

            // A door left open: relock at the pulse's end, held-open alarm at 30 s, cleared as it closes.
            Card(200, "resident R0001 taps their card", DemoCommunity.CardHolderCard, present, board, AccessReason.Granted, [DoorEventKind.Unlocked], DoorLockState.Unlocked, BuzzerPattern.Granted),
            Contact(board, 201, open: true, [DoorEventKind.Opened], DoorLockState.Unlocked),
            Wait(235, "the door is left open", [DoorEventKind.Relocked, DoorEventKind.HeldOpen], DoorLockState.Locked, BuzzerPattern.Alarm),
            Contact(board, 245, open: false, [DoorEventKind.Closed], DoorLockState.Locked, BuzzerPattern.None),

            // A door opened without a grant or the exit button.
            Contact(board, 260, open: true, [DoorEventKind.Opened, DoorEventKind.Forced], DoorLockState.Locked, BuzzerPattern.Alarm),
            Contact(board, 264, open: false, [DoorEventKind.Closed], DoorLockState.Locked, BuzzerPattern.None),

            // The fire alarm releases the door and holds it so, whatever else happens, until it clears.
            Act(300, "fire alarm input active", r => Fire(r, board, active: true), [DoorEventKind.FireReleaseStarted], DoorLockState.FireRelease),
            Contact(board, 310, open: true, [DoorEventKind.Opened], DoorLockState.FireRelease),
            Wait(390, "residents evacuate; the door stays open", [], DoorLockState.FireRelease, BuzzerPattern.None),
            Card(400, "resident R0001 taps their card", DemoCommunity.CardHolderCard, present, board, AccessReason.Granted, [], DoorLockState.FireRelease),
            Contact(board, 420, open: false, [DoorEventKind.Closed], DoorLockState.FireRelease),
            Wait(450, "the fire release outlasts any pulse", [], DoorLockState.FireRelease),
            Act(480, "fire alarm input cleared", r => Fire(r, board, active: false), [DoorEventKind.FireReleaseEnded, DoorEventKind.Relocked], DoorLockState.Locked),

            // Someone opens the reader's enclosure.
            Act(540, "tamper switch opened", r => Tamper(r, board, active: true), [DoorEventKind.Tamper], DoorLockState.Locked, BuzzerPattern.Alarm),
            Act(560, "tamper switch closed", r => Tamper(r, board, active: false), [DoorEventKind.TamperCleared], DoorLockState.Locked, BuzzerPattern.None),

            // The property office releases the door for a delivery.
            Act(600, "operator releases the door for 60 s", r => r.Door.ManualRelease(TimeSpan.FromSeconds(60)) ? null : "refused", [DoorEventKind.ManualRelease], DoorLockState.ManualRelease),
            Wait(660, "the manual release runs out", [DoorEventKind.Relocked], DoorLockState.Locked),

            // 09:00: the daytime group is inside its schedule, with card+PIN.
            Card(3600, "R0004 taps their card at 09:00", DemoCommunity.DaytimeWorkerCard, present, board, AccessReason.SecondFactorRequired, [], DoorLockState.Locked, BuzzerPattern.None),
            Keys(3603, "R0004 types a wrong PIN after the card", DemoCommunity.WrongPins[0], visitor: false, present, board, AccessReason.SecondFactorWrong, [], DoorLockState.Locked, BuzzerPattern.Denied),
            Card(3610, "R0004 taps their card again", DemoCommunity.DaytimeWorkerCard, present, board, AccessReason.SecondFactorRequired, [], DoorLockState.Locked, BuzzerPattern.None),
            Keys(3613, "R0004 types their PIN after the card", DemoCommunity.DaytimeWorkerPin, visitor: false, present, board, AccessReason.Granted, [DoorEventKind.Unlocked], DoorLockState.Unlocked, BuzzerPattern.Granted),
            Contact(board, 3614, open: true, [DoorEventKind.Opened], DoorLockState.Unlocked),
            Contact(board, 3616, open: false, [DoorEventKind.Closed, DoorEventKind.Relocked], DoorLockState.Locked),
        ]);
        return steps;
    }

    /// <summary>Prints the policy checks before the timeline: both front-gate policies valid, the face-only policy refused (P1).</summary>
    private static void CheckPolicies(ScenarioRunner runner, SimulatedAccessDirectory directory)
    {
        var profiles = directory.Profiles(Start);
        (string Name, DoorPolicyDefinition Definition)[] policies =
        [
            ("residents", DemoCommunity.ResidentsPolicy()),
            (DemoCommunity.DaytimeGroup, DemoCommunity.DaytimePolicy()),
        ];
        foreach (var (name, definition) in policies)
        {
            var problems = DoorPolicyValidator.Validate(definition, profiles);
            runner.Note(problems.Count == 0
                ? $"policy \"{name}\" at {definition.DoorId}: valid — {PolicyText.Describe(definition)}"
                : $"policy \"{name}\" at {definition.DoorId}: INVALID, {problems.Count} problem(s)");
            foreach (var problem in problems)
            {
                runner.Note($"  {problem}");
            }

            runner.Expect(problems.Count == 0, $"policy \"{name}\" should be valid");
        }

        var faceOnly = DemoCommunity.FaceOnlyPolicy();
        var faceOnlyProblems = DoorPolicyValidator.Validate(faceOnly, profiles);
        runner.Note(faceOnlyProblems.Count > 0
            ? $"policy \"face-only\" at {faceOnly.DoorId}: refused (P1), {faceOnlyProblems.Count} problem(s):"
            : $"policy \"face-only\" at {faceOnly.DoorId}: accepted");
        foreach (var problem in faceOnlyProblems)
        {
            runner.Note($"  {problem}");
        }

        runner.Expect(faceOnlyProblems.Count > 0, "a face-only policy should be refused (P1)");
    }

    private static ScenarioStep Card(double atSeconds, string description, byte[] uid, Func<ScenarioRunner, CredentialPresented, ScenarioDecision> present,
        DemoBoard? board, AccessReason reason, DoorEventKind[] expected, DoorLockState state, BuzzerPattern? buzzer = null) =>
        new(TimeSpan.FromSeconds(atSeconds), $"{description} at \"{DemoCommunity.ReaderId}\"",
            r => board is not null
                ? board.TapCard(uid)
                : r.PresentCredential(CredentialPresented.ForCard(DemoCommunity.ReaderId, CardFormat.Wiegand26, uid, r.Clock.GetUtcNow()), c => present(r, c)).ToString(),
            expected)
        {
            ExpectedState = state,
            ExpectedBuzzer = buzzer,
            ExpectedReason = reason,
            ExpectedAlarm = ScenarioAlarm.None,
        };

    private static ScenarioStep Keys(double atSeconds, string description, string digits, bool visitor, Func<ScenarioRunner, CredentialPresented, ScenarioDecision> present, DemoBoard? board,
        AccessReason reason, DoorEventKind[] expected, DoorLockState state, BuzzerPattern? buzzer = null, ScenarioAlarm alarm = ScenarioAlarm.None) =>
        new(TimeSpan.FromSeconds(atSeconds), $"{description} at \"{DemoCommunity.ReaderId}\"",
            r =>
            {
                if (board is not null && !visitor)
                {
                    return board.TypePin(digits);
                }

                var now = r.Clock.GetUtcNow();
                var credential = visitor
                    ? CredentialPresented.ForVisitorCode(DemoCommunity.ReaderId, digits, now)
                    : CredentialPresented.ForPin(DemoCommunity.ReaderId, digits, now);
                return r.PresentCredential(credential, c => present(r, c)).ToString();
            },
            expected)
        {
            ExpectedState = state,
            ExpectedBuzzer = buzzer,
            ExpectedReason = reason,
            ExpectedAlarm = alarm,
        };

    private static ScenarioStep Contact(DemoBoard? board, double atSeconds, bool open, DoorEventKind[] expected, DoorLockState state, BuzzerPattern? buzzer = null) =>
        Act(atSeconds, open ? "door contact: open" : "door contact: closed", r =>
        {
            if (board is null)
            {
                r.Door.DoorContactChanged(open);
            }
            else
            {
                board.DoorContact(open);
            }
        }, expected, state, buzzer);

    private static void Exit(ScenarioRunner runner, DemoBoard? board)
    {
        if (board is null)
        {
            runner.Door.ExitButtonPressed();
        }
        else
        {
            board.PressExitButton();
        }
    }

    private static void Fire(ScenarioRunner runner, DemoBoard? board, bool active)
    {
        if (board is null)
        {
            runner.Door.FireAlarmChanged(active);
        }
        else
        {
            board.FireAlarm(active);
        }
    }

    private static void Tamper(ScenarioRunner runner, DemoBoard? board, bool active)
    {
        if (board is null)
        {
            runner.Door.TamperChanged(active);
        }
        else
        {
            board.Tamper(active);
        }
    }

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
