using System.Globalization;
using GateController.Core.Door;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Core.Tests.Door;

/// <summary>A door state machine on a fake clock that records every event and output change, driven by short scripts.</summary>
internal sealed class DoorHarness : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);

    public DoorHarness(DoorOptions? options = null)
    {
        Time = new FakeTimeProvider(Start);
        Door = new DoorStateMachine(options ?? new DoorOptions(), Time);
        Door.EventRaised += (_, e) => Events.Add(e);
        Door.OutputsChanged += (_, o) => OutputChanges.Add(o);
    }

    public FakeTimeProvider Time { get; }

    public DoorStateMachine Door { get; }

    public List<DoorEvent> Events { get; } = [];

    public List<DoorOutputs> OutputChanges { get; } = [];

    /// <summary>The events so far as "Kind" or "Kind(Cause)", space separated.</summary>
    public string EventText => string.Join(' ', Events.Select(Describe));

    public static string Describe(DoorEvent e) => e.Cause == DoorEventCause.None ? e.Kind.ToString() : $"{e.Kind}({e.Cause})";

    /// <summary>
    /// Runs a script of steps separated by ';': grant, deny, lockout, rex, open, close, fire+, fire-, tamper+,
    /// tamper-, manual N (seconds), relock, +N (advance N milliseconds).
    /// </summary>
    public DoorHarness Run(string script)
    {
        foreach (var raw in script.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (raw.StartsWith('+'))
            {
                Time.Advance(TimeSpan.FromMilliseconds(int.Parse(raw.AsSpan(1), CultureInfo.InvariantCulture)));
                continue;
            }

            if (raw.StartsWith("manual ", StringComparison.Ordinal))
            {
                Door.ManualRelease(TimeSpan.FromSeconds(int.Parse(raw.AsSpan(7), CultureInfo.InvariantCulture)));
                continue;
            }

            switch (raw)
            {
                case "grant": Door.Grant(); break;
                case "deny": Door.Deny(); break;
                case "lockout": Door.SignalLockedOut(); break;
                case "prompt": Door.SignalPrompt(); break;
                case "confirmed": Door.SignalConfirmed(); break;
                case "rex": Door.ExitButtonPressed(); break;
                case "open": Door.DoorContactChanged(open: true); break;
                case "close": Door.DoorContactChanged(open: false); break;
                case "fire+": Door.FireAlarmChanged(active: true); break;
                case "fire-": Door.FireAlarmChanged(active: false); break;
                case "tamper+": Door.TamperChanged(active: true); break;
                case "tamper-": Door.TamperChanged(active: false); break;
                case "relock": Door.RelockNow(); break;
                default: throw new ArgumentException($"unknown script step '{raw}'", nameof(script));
            }
        }

        return this;
    }

    public void Dispose() => Door.Dispose();
}
