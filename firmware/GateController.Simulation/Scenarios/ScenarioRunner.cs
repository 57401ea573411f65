using System.Globalization;
using GateController.Core.Door;
using GateController.Core.Readers;
using GateController.Simulation.Time;

namespace GateController.Simulation.Scenarios;

/// <summary>
/// Plays a timeline of <see cref="ScenarioStep"/>s through a door state machine on a <see cref="ManualTimeProvider"/>,
/// prints each step as a timeline line ("08:00:00.000  card tapped … → Granted (Card) R0001 → unlocked …") followed by
/// any alarm the access decision raised, and checks every step's expected outcome — door events, lock state, buzzer,
/// decision reason and alarm — printing a FAIL line for each one that did not happen.
/// </summary>
public sealed class ScenarioRunner : IDisposable
{
    private readonly TextWriter _output;
    private readonly DateTimeOffset _start;
    private readonly List<DoorEvent> _captured = [];
    private readonly List<DoorOutputs> _outputsAfterEvent = [];
    private readonly List<string> _linesAfterEvent = [];
    private readonly List<string> _lines = [];
    private readonly List<string> _failures = [];
    private readonly List<ScenarioDecision> _decisions = [];
    private DoorOutputs _outputs;

    /// <summary>Creates a runner with its own clock reading <paramref name="start"/> and a locked door.</summary>
    /// <param name="options">The door's settings.</param>
    /// <param name="start">The scenario's start; its offset is the local time the timeline prints.</param>
    /// <param name="output">Where the timeline goes.</param>
    public ScenarioRunner(DoorOptions options, DateTimeOffset start, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _start = start;
        Clock = new ManualTimeProvider(start);
        Door = new DoorStateMachine(options, Clock);
        _outputs = Door.Outputs;
        Door.OutputsChanged += (_, outputs) => _outputs = outputs;
        Door.EventRaised += (_, doorEvent) =>
        {
            _captured.Add(doorEvent);
            _outputsAfterEvent.Add(_outputs);
            _linesAfterEvent.Add(LineText());
        };
    }

    /// <summary>The scenario's clock.</summary>
    public ManualTimeProvider Clock { get; }

    /// <summary>The door the scenario drives.</summary>
    public DoorStateMachine Door { get; }

    /// <summary>
    /// When set, reads the door's lines (for example "GPIO17 high") for each timeline line, after the outputs the state
    /// machine asked for: the level the relay line actually has.
    /// </summary>
    public Func<string>? LineProbe { get; set; }

    /// <summary>
    /// A credential reaches the access decision: <paramref name="present"/> decides and gives the door its feedback
    /// (<see cref="Access.SimulatedGate.Present"/> does both; a test hook may call <see cref="ScenarioDecision.DriveDoor"/>).
    /// The decision is remembered so the step's expected reason and alarm can be checked, and its alarms are printed.
    /// </summary>
    /// <returns>The decision taken.</returns>
    public ScenarioDecision PresentCredential(CredentialPresented credential, Func<CredentialPresented, ScenarioDecision> present)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(present);
        var decision = present(credential);
        _decisions.Add(decision ?? throw new InvalidOperationException("the decision hook returned no decision"));
        return decision;
    }

    /// <summary>Prints <paramref name="line"/> as it is, as part of the timeline (for example a policy check before the steps).</summary>
    public void Note(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        Print(line);
    }

    /// <summary>Records an expectation outside the steps: when <paramref name="holds"/> is false, prints a FAIL line and the run fails.</summary>
    public void Expect(bool holds, string problem)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(problem);
        if (!holds)
        {
            _failures.Add($"FAIL  {problem}");
            Print($"FAIL  {problem}");
        }
    }

    /// <summary>Plays <paramref name="steps"/> in order and returns what was printed and what failed.</summary>
    /// <exception cref="ArgumentException">A step is earlier than the one before it.</exception>
    public ScenarioResult Run(IEnumerable<ScenarioStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var count = 0;
        var doorEvents = 0;
        foreach (var step in steps)
        {
            count++;
            var at = _start + step.At;
            if (at < Clock.GetUtcNow())
            {
                throw new ArgumentException($"step '{step.Description}' at {Stamp(at)} is earlier than the step before it", nameof(steps));
            }

            _captured.Clear();
            _outputsAfterEvent.Clear();
            _linesAfterEvent.Clear();
            Clock.AdvanceTo(at);
            var all = new List<DoorEvent>(_captured);
            if (step.Action is null)
            {
                PrintTimed(step.Description, all, ifNone: $"{Stamp(at)}  {step.Description} → no door change  {DoorTimelineText.Describe(_outputs)}{LineText()}");
            }
            else
            {
                PrintTimed("(timer)", all, ifNone: null);
                _captured.Clear();
                _outputsAfterEvent.Clear();
                _linesAfterEvent.Clear();
                _decisions.Clear();
                var detail = step.Action(this);
                all.AddRange(_captured);
                var effects = _captured.Count == 0 ? "no door change" : string.Join(", ", _captured.Select(DoorTimelineText.Describe));
                var decided = string.IsNullOrEmpty(detail) ? string.Empty : $" → {detail}";
                Print($"{Stamp(at)}  {step.Description}{decided} → {effects}  {DoorTimelineText.Describe(_outputs)}{LineText()}");
                foreach (var alarm in _decisions.SelectMany(d => d.Alarms))
                {
                    Print($"{Stamp(alarm.OccurredAt)}    {AlarmText.Describe(alarm)}");
                }
            }

            doorEvents += all.Count;
            Check(step, at, all);
            CheckDecision(step, at);
        }

        Print(_failures.Count == 0
            ? $"scenario passed: {count} steps, {doorEvents} door events, every expected outcome happened"
            : $"scenario FAILED: {_failures.Count} expectation(s) of {count} steps did not hold");
        return new ScenarioResult(_lines.ToArray(), _failures.ToArray());
    }

    /// <summary>Stops the door's timers.</summary>
    public void Dispose() => Door.Dispose();

    private void PrintTimed(string label, List<DoorEvent> events, string? ifNone)
    {
        if (events.Count == 0)
        {
            if (ifNone is not null)
            {
                Print(ifNone);
            }

            return;
        }

        // One line per moment; the outputs shown are those after that moment's last event.
        var i = 0;
        while (i < events.Count)
        {
            var j = i;
            while (j + 1 < events.Count && events[j + 1].OccurredAt == events[i].OccurredAt)
            {
                j++;
            }

            var text = string.Join(", ", events.Skip(i).Take(j - i + 1).Select(DoorTimelineText.Describe));
            Print($"{Stamp(events[i].OccurredAt)}  {label} → {text}  {DoorTimelineText.Describe(_outputsAfterEvent[j])}{_linesAfterEvent[j]}");
            i = j + 1;
        }
    }

    private void Check(ScenarioStep step, DateTimeOffset at, List<DoorEvent> events)
    {
        var actual = events.Select(e => e.Kind).ToArray();
        if (!actual.SequenceEqual(step.ExpectedEvents))
        {
            Fail(at, step, $"expected door events [{string.Join(", ", step.ExpectedEvents)}], got [{string.Join(", ", actual)}]");
        }

        if (step.ExpectedState is { } state && Door.State != state)
        {
            Fail(at, step, $"expected the door {state}, it is {Door.State}");
        }

        if (step.ExpectedBuzzer is { } buzzer && Door.Outputs.Buzzer != buzzer)
        {
            Fail(at, step, $"expected buzzer {buzzer}, it plays {Door.Outputs.Buzzer}");
        }
    }

    private void CheckDecision(ScenarioStep step, DateTimeOffset at)
    {
        if (step.ExpectedReason is null && step.ExpectedAlarm is null)
        {
            return;
        }

        if (step.Action is null || _decisions.Count != 1)
        {
            Fail(at, step, $"expected one access decision, got {(step.Action is null ? 0 : _decisions.Count)}");
            return;
        }

        var decision = _decisions[0];
        if (step.ExpectedReason is { } reason && decision.Reason != reason)
        {
            Fail(at, step, $"expected decision {reason}, got {decision.Reason}");
        }

        if (step.ExpectedAlarm is { } expectedAlarm && AlarmText.Kind(decision.Alarms) != expectedAlarm)
        {
            Fail(at, step, $"expected alarm {expectedAlarm}, got {AlarmText.Kind(decision.Alarms)}");
        }
    }

    private void Fail(DateTimeOffset at, ScenarioStep step, string problem)
    {
        var line = $"FAIL  {Stamp(at)}  {step.Description}: {problem}";
        _failures.Add(line);
        Print(line);
    }

    private void Print(string line)
    {
        _lines.Add(line);
        _output.WriteLine(line);
    }

    private string LineText() => LineProbe is { } probe ? "  " + probe() : string.Empty;

    private string Stamp(DateTimeOffset at) =>
        at.ToOffset(_start.Offset).ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
}
