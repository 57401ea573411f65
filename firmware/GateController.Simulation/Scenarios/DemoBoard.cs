using GateController.Core.Readers;
using GateController.Hardware.Door;
using GateController.Hardware.Gate;
using GateController.Hardware.Gpio;
using GateController.Hardware.Keypad;
using GateController.Hardware.Readers.Wiegand;
using GateController.Simulation.Gpio;
using GateController.Simulation.Wiegand;

namespace GateController.Simulation.Scenarios;

/// <summary>
/// The demonstration's board: a simulated GPIO chip carrying the door's lines (default pin map) and a Wiegand reader
/// with keypad on D0/D1. Cards and PIN keys (4-bit bursts, assembled by <see cref="PinEntry"/>) are sent as real Wiegand
/// edges, decoded by the reader, queued by the <see cref="AccessPipeline"/>
/// and decided by the scenario's access decision; the door's inputs are set on their lines and debounced by
/// <see cref="DoorIo"/>; the <see cref="DoorController"/> writes the machine's outputs to the relay, LED and buzzer lines.
/// </summary>
internal sealed class DemoBoard : IDisposable
{
    public const int RelayLine = 17;
    public const int ExitButtonLine = 23;
    public const int DoorContactLine = 24;
    public const int FireAlarmLine = 4;
    public const int TamperLine = 15;
    public const int Data0Line = 5;
    public const int Data1Line = 6;

    private static readonly TimeSpan InterFrameGap = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan KeyInterval = TimeSpan.FromMilliseconds(40);

    private readonly ScenarioRunner _runner;
    private readonly Func<CredentialPresented, ScenarioDecision> _decide;
    private readonly SimulatedGpioDriver _driver;
    private readonly GpioController _controller;
    private readonly DoorIoOptions _ioOptions = new();
    private readonly DoorController _door;
    private readonly WiegandReader _reader;
    private readonly PinEntry _pinEntry;
    private readonly SimulatedWiegandTransmitter _transmitter;
    private readonly AccessPipeline _pipeline;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _readerRun;
    private ScenarioDecision? _lastDecision;

    /// <summary>Puts the board together around <paramref name="runner"/>'s door and clock; <paramref name="decide"/> judges each credential.</summary>
    public DemoBoard(ScenarioRunner runner, Func<CredentialPresented, ScenarioDecision> decide)
    {
        _runner = runner;
        _decide = decide;
        _driver = new SimulatedGpioDriver(28, runner.Clock);
        _controller = new GpioController(_driver);

        // A quiet door: reed, fire-alarm and tamper contacts closed to ground, exit button open (pulled up), reader idle high.
        _driver.SetInput(DoorContactLine, PinValue.Low);
        _driver.SetInput(FireAlarmLine, PinValue.Low);
        _driver.SetInput(TamperLine, PinValue.Low);
        _driver.SetInput(ExitButtonLine, PinValue.High);
        _driver.SetInput(Data0Line, PinValue.High);
        _driver.SetInput(Data1Line, PinValue.High);

        _door = new DoorController(new DoorIo(_controller, _ioOptions, runner.Clock), runner.Door);
        _door.Start();
        _reader = new WiegandReader(DemoCommunity.ReaderId, _controller,
            new WiegandReaderOptions { Data0Pin = Data0Line, Data1Pin = Data1Line, InterFrameGapMilliseconds = (int)InterFrameGap.TotalMilliseconds }, runner.Clock);
        _transmitter = new SimulatedWiegandTransmitter(_driver, Data0Line, Data1Line);
        // No follow-up window: at a card+PIN door the keys after a card are its PIN.
        _pinEntry = new PinEntry(_reader, new PinEntryOptions { FollowUpWindowMilliseconds = 0 }, runner.Clock);
        _pipeline = new AccessPipeline(_door, [_pinEntry], Decide, new AccessPipelineOptions(), runner.Clock);
        _readerRun = _reader.RunAsync(_stop.Token);
        runner.LineProbe = () => $"GPIO{RelayLine} {(_driver.GetLevel(RelayLine).IsHigh ? "high" : "low")}";
    }

    /// <summary>Whether the relay line reads high now.</summary>
    public bool RelayLineHigh => _driver.GetLevel(RelayLine).IsHigh;

    /// <summary>What the door does after <paramref name="decision"/>.</summary>
    public static DoorResponse Response(ScenarioDecision decision) => DoorResponses.From(decision.Decision, decision.LockedOut);

    /// <summary>
    /// A card is tapped: its 26-bit frame goes out as edges on D0/D1 ending now, the inter-frame gap passes (the reader
    /// closes the frame), and the queued credential is decided. Returns the decision for the timeline.
    /// </summary>
    public string TapCard(byte[] uid)
    {
        _lastDecision = null;
        _transmitter.SendNow(H10301(uid), 26);
        _runner.Clock.Advance(InterFrameGap);
        _pipeline.ProcessPending();
        return _lastDecision?.ToString() ?? "no card read";
    }

    /// <summary>
    /// A PIN is typed on the reader's keypad: one 4-bit burst per digit and one for '#', 40 ms apart, the last ending now;
    /// the inter-frame gap passes, the PIN entry assembles the digits and the queued PIN is decided. Returns the decision.
    /// </summary>
    public string TypePin(string digits)
    {
        _lastDecision = null;
        var keys = digits + "#";
        var now = _driver.EventClockNow;
        for (var i = 0; i < keys.Length; i++)
        {
            var code = keys[i] == '#' ? 11UL : (ulong)(keys[i] - '0');
            _transmitter.Send(code, 4, now - (KeyInterval * (keys.Length - 1 - i)));
        }

        _runner.Clock.Advance(InterFrameGap);
        _pipeline.ProcessPending();
        return _lastDecision?.ToString() ?? "no PIN read";
    }

    /// <summary>A credential presented without the reader (a visitor code): decided and handed to the door controller.</summary>
    public ScenarioDecision Present(CredentialPresented credential)
    {
        var decision = _decide(credential);
        _door.Respond(Response(decision));

        return decision;
    }

    /// <summary>The door contact reports open or closed on its line; the debounce period passes.</summary>
    public void DoorContact(bool open) => Set(DoorContactLine, open, _ioOptions.DoorContact);

    /// <summary>The fire panel's normally-closed contact opens (active) or closes; the debounce period passes.</summary>
    public void FireAlarm(bool active) => Set(FireAlarmLine, active, _ioOptions.FireAlarm);

    /// <summary>The tamper switch opens (active) or closes; the debounce period passes.</summary>
    public void Tamper(bool active) => Set(TamperLine, active, _ioOptions.Tamper);

    /// <summary>The exit button is pressed (pulling its line low) and released again after the debounce period.</summary>
    public void PressExitButton()
    {
        Set(ExitButtonLine, true, _ioOptions.ExitButton);
        _driver.SetInput(ExitButtonLine, PinValue.High);
    }

    /// <summary>Stops the reader and the pipeline and releases the door: the relay is de-energised and the lines freed.</summary>
    public void Dispose()
    {
        _pipeline.Dispose();
        _stop.Cancel();
        _readerRun.GetAwaiter().GetResult();
        _pinEntry.Dispose();
        _reader.Dispose();
        _door.Dispose();
        _controller.Dispose();
        _stop.Dispose();
        _runner.LineProbe = null;
    }

    private DoorResponse Decide(CredentialPresented credential)
    {
        var decision = _runner.PresentCredential(credential, _decide);
        _lastDecision = decision;
        return Response(decision);
    }

    private void Set(int line, bool active, DoorInputLineOptions options)
    {
        _driver.SetInput(line, active != options.ActiveLow ? PinValue.High : PinValue.Low);
        _runner.Clock.Advance(TimeSpan.FromMilliseconds(options.DebounceMilliseconds));
    }

    /// <summary>A 26-bit H10301 frame of a 3-byte card identifier (facility code, then card number): even parity over the first 12 data bits, odd over the last 12.</summary>
    private static ulong H10301(byte[] uid)
    {
        if (uid.Length != 3)
        {
            throw new ArgumentException("a 26-bit card has a 3-byte identifier", nameof(uid));
        }

        var data = ((ulong)uid[0] << 16) | ((ulong)uid[1] << 8) | uid[2];
        var even = (ulong)(System.Numerics.BitOperations.PopCount(data >> 12) & 1);
        var odd = (ulong)(1 - (System.Numerics.BitOperations.PopCount(data & 0xFFF) & 1));
        return (even << 25) | (data << 1) | odd;
    }
}
