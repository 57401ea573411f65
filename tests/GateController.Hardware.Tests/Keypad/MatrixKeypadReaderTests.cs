using GateController.Core.Readers;
using GateController.Hardware.Gpio;
using GateController.Hardware.Keypad;
using GateController.Simulation.Gpio;
using GateController.Simulation.Keypad;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Hardware.Tests.Keypad;

public sealed class MatrixKeypadReaderTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
    private readonly SimulatedGpioDriver _driver;
    private readonly GpioController _controller;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<KeyPressed> _keys = [];
    private MatrixKeypadReader? _reader;
    private SimulatedMatrixKeypad? _keypad;
    private Task? _run;

    public MatrixKeypadReaderTests()
    {
        _driver = new SimulatedGpioDriver(28, _time);
        _controller = new GpioController(_driver);
    }

    private MatrixKeypadReader Start(MatrixKeypadOptions options)
    {
        _reader = new MatrixKeypadReader("matrix", _controller, options, _time);
        _reader.KeyPressed += (_, e) => _keys.Add(e);
        _keypad = new SimulatedMatrixKeypad(_driver, options.Layout, options.RowPins, options.ColumnPins);
        _run = _reader.RunAsync(_stop.Token);
        return _reader;
    }

    private void Tap(char key, int holdMilliseconds = 100)
    {
        _keypad!.Press(key);
        Step(TimeSpan.FromMilliseconds(holdMilliseconds));
        _keypad.Release();
        Step(TimeSpan.FromMilliseconds(100));
    }

    /// <summary>Advances in 5 ms steps: a fake clock runs a periodic timer's missed ticks all at the final time.</summary>
    private void Step(TimeSpan duration)
    {
        for (var elapsed = TimeSpan.Zero; elapsed < duration; elapsed += TimeSpan.FromMilliseconds(5))
        {
            _time.Advance(TimeSpan.FromMilliseconds(5));
        }
    }

    public static TheoryData<KeypadLayout, string> EveryKey() => new()
    {
        { KeypadLayout.Matrix4x3, "123456789*0#" },
        { KeypadLayout.Matrix4x4, "123A456B789C*0#D" },
    };

    [Theory]
    [MemberData(nameof(EveryKey))]
    public void Tap_EveryKeyOfLayout_OneKeyPressedEach(KeypadLayout layout, string keys)
    {
        var options = layout == KeypadLayout.Matrix4x4
            ? new MatrixKeypadOptions { Layout = layout, ColumnPins = [13, 19, 26, 14] }
            : new MatrixKeypadOptions();
        Start(options);

        foreach (var key in keys)
        {
            Tap(key);
        }

        Assert.Equal(keys, new string([.. _keys.Select(k => k.Key)]));
        Assert.All(_keys, k => Assert.Equal("matrix", k.ReaderId));
    }

    [Fact]
    public void Bounce_ShorterThanDebounce_NoKey()
    {
        Start(new MatrixKeypadOptions { DebounceMilliseconds = 30 });

        for (var i = 0; i < 5; i++)
        {
            _keypad!.Press('5');
            Step(TimeSpan.FromMilliseconds(10));
            _keypad.Release();
            Step(TimeSpan.FromMilliseconds(10));
        }

        Assert.Empty(_keys);
    }

    [Fact]
    public void Hold_LongPress_OneKeyStampedAtFirstScanThatSawIt()
    {
        Start(new MatrixKeypadOptions());
        Step(TimeSpan.FromMilliseconds(10));
        var pressedAt = _time.GetUtcNow();

        _keypad!.Press('7');
        Step(TimeSpan.FromSeconds(2));
        _keypad.Release();
        Step(TimeSpan.FromMilliseconds(100));

        var key = Assert.Single(_keys);
        Assert.Equal('7', key.Key);
        Assert.InRange(key.PressedAt, pressedAt, pressedAt + TimeSpan.FromMilliseconds(10));
    }

    [Fact]
    public void TwoKeysAtOnce_Ignored()
    {
        var reader = Start(new MatrixKeypadOptions());

        _keypad!.Press('1');
        _keypad.Press('9');
        Step(TimeSpan.FromMilliseconds(200));

        Assert.Empty(_keys);
        Assert.True(reader.AmbiguousScans > 0);
    }

    [Fact]
    public void Scans_ReaderScanningEvery10Ms_OnePerScanBegun()
    {
        var options = new MatrixKeypadOptions();
        Start(options);
        var before = _keypad!.Scans;

        Step(TimeSpan.FromMilliseconds(100));

        var begun = _driver.OutputHistory.Count(c => c.PinNumber == options.RowPins[0] && c.IsDriven && !c.Value.IsHigh);
        Assert.Equal(begun, _keypad.Scans);
        Assert.InRange(_keypad.Scans - before, 9, 11);
    }

    [Fact]
    public void Idle_RowsDrivenHighBetweenScans()
    {
        var options = new MatrixKeypadOptions();
        Start(options);

        Step(TimeSpan.FromMilliseconds(55));

        Assert.All(options.RowPins, row => Assert.True(_driver.GetLevel(row).IsHigh));
        Assert.Contains(_driver.OutputHistory, c => c.PinNumber == options.RowPins[2] && !c.Value.IsHigh);
    }

    [Fact]
    public async Task Through_PinEntry_TypedPinBecomesCredential()
    {
        var reader = Start(new MatrixKeypadOptions());
        using var entry = new PinEntry(reader, new PinEntryOptions(), _time);
        var pins = new List<CredentialPresented>();
        entry.CredentialPresented += (_, e) => pins.Add(e);

        foreach (var key in "2580#")
        {
            Tap(key);
        }

        Assert.Equal("2580", Assert.Single(pins).Digits);
        await DisposeAsync();
    }

    [Fact]
    public void KeyPressed_HandlerThrows_CountedAndLaterKeysStillDelivered()
    {
        var reader = Start(new MatrixKeypadOptions());
        reader.KeyPressed += (_, _) => throw new InvalidOperationException("subscriber bug");

        Tap('1');
        Tap('2');

        Assert.Equal("12", new string([.. _keys.Select(k => k.Key)]));
        Assert.Equal(2, reader.HandlerFaults);
        Assert.Equal(ReaderState.Ok, reader.Health.State);
    }

    [Fact]
    public async Task Health_BeforeDuringAndAfterRun_StoppedThenOkWithKeyCountThenStopped()
    {
        var reader = new MatrixKeypadReader("matrix", _controller, new MatrixKeypadOptions(), _time);
        Assert.Equal(ReaderState.Stopped, reader.Health.State);
        reader.Dispose();

        reader = Start(new MatrixKeypadOptions());
        Tap('4');
        Tap('5');

        var health = reader.Health;
        Assert.Equal(new ReaderHealth("matrix", ReaderState.Ok, _keys[^1].PressedAt, 2, 0, null), health);

        await _stop.CancelAsync();
        await _run!;
        _run = null;

        Assert.Equal(ReaderState.Stopped, reader.Health.State);
        Assert.Equal(2, reader.Health.GoodFrames);
    }

    [Fact]
    public void Validate_WrongCountsAndDuplicates_OneMessageEach()
    {
        var problems = new MatrixKeypadOptions { RowPins = [1, 2, 3], ColumnPins = [3, 4, 5, 6], ScanIntervalMilliseconds = 0 }.Validate();

        Assert.Contains(problems, p => p.StartsWith("RowPins", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("ColumnPins", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("line 3", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("ScanIntervalMilliseconds", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
        {
            await _run;
            _run = null;
        }

        _keypad?.Dispose();
        _reader?.Dispose();
        _controller.Dispose();
        _stop.Dispose();
    }
}
