using GateController.Core.Credentials;
using GateController.Core.Readers;
using GateController.Hardware.Gate;
using GateController.Hardware.Keypad;
using GateController.Hardware.Readers.Wiegand;
using GateController.Hardware.Tests.Door;
using GateController.Hardware.Tests.Keypad;
using GateController.Hardware.Tests.Wiegand;
using GateController.Simulation.Wiegand;
using HardwareBuzzer = GateController.Hardware.Door.BuzzerPattern;

namespace GateController.Hardware.Tests.Gate;

public sealed class AccessPipelineTests : IDisposable
{
    private const int Data0 = 5;
    private const int Data1 = 6;
    private const string KnownCard = "2A3039";
    private const int Gap = 25;

    private readonly DoorRig _rig = new();
    private readonly WiegandReader _reader;
    private readonly SimulatedWiegandTransmitter _transmitter;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _decided = [];
    private Task _readerRun = Task.CompletedTask;

    public AccessPipelineTests()
    {
        _reader = new WiegandReader("front", _rig.Controller, new WiegandReaderOptions { Data0Pin = Data0, Data1Pin = Data1, InterFrameGapMilliseconds = Gap }, _rig.Time);
        _transmitter = new SimulatedWiegandTransmitter(_rig.Driver, Data0, Data1);
        _rig.Door.Start();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _readerRun.GetAwaiter().GetResult();
        _reader.Dispose();
        _rig.Dispose();
        _stop.Dispose();
    }

    private DoorResponse Decide(CredentialPresented credential)
    {
        _decided.Add(credential.Kind == CredentialKind.Card ? credential.CardUidHex() : credential.Digits);
        return credential.Kind == CredentialKind.Card && credential.CardUidHex() == KnownCard || credential.Digits == "4321"
            ? DoorResponse.Grant
            : DoorResponse.Deny;
    }

    private AccessPipeline Pipeline(ICredentialReader? reader = null, Func<CredentialPresented, DoorResponse>? decide = null, int capacity = 64) =>
        new(_rig.Door, [reader ?? _reader], decide ?? Decide, new AccessPipelineOptions { QueueCapacity = capacity }, _rig.Time);

    private void OpenReader() => _readerRun = _reader.RunAsync(_stop.Token);

    /// <summary>Sends a 26-bit card over D0/D1 ending now and lets the inter-frame gap pass.</summary>
    private void Tap(int facility, int card)
    {
        _transmitter.SendNow(WiegandEncoding.H10301(facility, card), 26);
        _rig.Time.Advance(TimeSpan.FromMilliseconds(Gap));
    }

    [Fact]
    public void ProcessPending_KnownCardThroughWiegandEdges_RelayHighForThePulseThenLow()
    {
        using var pipeline = Pipeline();
        OpenReader();

        Tap(0x2A, 0x3039);
        Assert.False(_rig.RelayHigh);
        var processed = pipeline.ProcessPending();

        Assert.Equal(1, processed);
        Assert.Equal([KnownCard], _decided);
        Assert.True(_rig.RelayHigh);
        _rig.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(_rig.RelayHigh);
        Assert.Equal([false, true, false], _rig.RelayWrites().CollapseRepeats());
    }

    [Fact]
    public void ProcessPending_UnknownCard_DeniedPatternRedLedRelayUnchanged()
    {
        using var pipeline = Pipeline();
        OpenReader();

        Tap(0x7F, 0x0102);
        pipeline.ProcessPending();

        Assert.Equal(["7F0102"], _decided);
        Assert.Equal(HardwareBuzzer.Denied, _rig.Io.BuzzerPattern);
        Assert.True(_rig.Driver.GetLevel(DoorRig.Red).IsHigh);
        Assert.DoesNotContain(true, _rig.RelayWrites());
    }

    [Fact]
    public void ProcessPending_BadParityFrame_NoDecision()
    {
        using var pipeline = Pipeline();
        OpenReader();

        _transmitter.SendNow(WiegandEncoding.H10301(0x2A, 0x3039) ^ 1, 26);
        _rig.Time.Advance(TimeSpan.FromMilliseconds(Gap));

        Assert.Equal(0, pipeline.ProcessPending());
        Assert.Empty(_decided);
        Assert.DoesNotContain(true, _rig.RelayWrites());
    }

    [Fact]
    public void ProcessPending_WiegandKeypadPinBursts_PinEntryAssemblesAndGrants()
    {
        using var pinEntry = new PinEntry(_reader, new PinEntryOptions(), _rig.Time);
        using var pipeline = Pipeline(pinEntry);
        OpenReader();

        foreach (var key in new ulong[] { 4, 3, 2, 1, 11 })
        {
            _transmitter.SendNow(key, 4);
            _rig.Time.Advance(TimeSpan.FromMilliseconds(Gap + 5));
        }

        Assert.Equal(1, pipeline.ProcessPending());
        Assert.Equal(["4321"], _decided);
        Assert.True(_rig.RelayHigh);
    }

    [Fact]
    public void ProcessPending_DecisionThrows_CountedDeniedAndNextCardGranted()
    {
        var calls = 0;
        using var pipeline = Pipeline(decide: c => ++calls == 1 ? throw new InvalidOperationException("store down") : Decide(c));
        OpenReader();

        Tap(0x2A, 0x3039);
        pipeline.ProcessPending();
        Assert.Equal(1, pipeline.DecisionFaults);
        Assert.Equal(HardwareBuzzer.Denied, _rig.Io.BuzzerPattern);
        Assert.False(_rig.RelayHigh);

        _rig.Time.Advance(TimeSpan.FromSeconds(2));
        Tap(0x2A, 0x3039);
        pipeline.ProcessPending();

        Assert.True(_rig.RelayHigh);
        Assert.Equal(2, pipeline.CredentialsDecided);
    }

    [Fact]
    public void ProcessPending_QueueFull_ExtraCredentialsDroppedAndCounted()
    {
        var fake = new ScriptedReader("keypad");
        using var pipeline = Pipeline(fake, capacity: 1);

        fake.Card([1, 2, 3], _rig.Time.GetUtcNow());
        fake.Card([1, 2, 3], _rig.Time.GetUtcNow());

        Assert.Equal(1, pipeline.ProcessPending());
        Assert.Equal(1, pipeline.CredentialsQueued);
        Assert.Equal(1, pipeline.CredentialsDropped);
    }

    [Fact]
    public async Task RunAsync_DecidedHandlerThrows_LoopKeepsDeciding()
    {
        using var pipeline = Pipeline();
        var decided = new SemaphoreSlim(0);
        pipeline.Decided += (_, e) =>
        {
            decided.Release();
            throw new InvalidOperationException("observer fault");
        };
        var run = pipeline.RunAsync(_stop.Token);

        Tap(0x7F, 0x0102);
        Assert.True(await decided.WaitAsync(TimeSpan.FromSeconds(30)));
        _rig.Time.Advance(TimeSpan.FromSeconds(2));
        Tap(0x2A, 0x3039);
        Assert.True(await decided.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.True(_rig.RelayHigh);
        Assert.Throws<InvalidOperationException>(() => pipeline.ProcessPending());
        await _stop.CancelAsync();
        await run;

        // The loop only ends after the handling it was in, so both faults are counted by now.
        Assert.Equal(2, pipeline.HandlerFaults);
        Assert.Equal(2, pipeline.CredentialsDecided);
        Assert.Equal(0, pipeline.ReaderFaults);
    }

    [Fact]
    public async Task RunAsync_ReaderLoopFails_CountedAndTheOtherReaderStillOpensTheDoor()
    {
        var failing = new FailingReader();
        using var pipeline = new AccessPipeline(_rig.Door, [failing, _reader], Decide, new AccessPipelineOptions(), _rig.Time);
        var decided = new SemaphoreSlim(0);
        pipeline.Decided += (_, _) => decided.Release();
        var run = pipeline.RunAsync(_stop.Token);

        Tap(0x2A, 0x3039);
        Assert.True(await decided.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.True(_rig.RelayHigh);
        Assert.Equal(1, pipeline.ReaderFaults);
        await _stop.CancelAsync();
        await run;
    }

    [Fact]
    public void Constructor_SameReaderTwice_Throws()
    {
        var problem = Assert.Throws<ArgumentException>(() =>
            new AccessPipeline(_rig.Door, [_reader, _reader], Decide, new AccessPipelineOptions(), _rig.Time));

        Assert.Contains("twice", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(4096, false)]
    [InlineData(4097, true)]
    public void Validate_QueueCapacity_ProblemNamesTheSetting(int capacity, bool problem)
    {
        var problems = new AccessPipelineOptions { QueueCapacity = capacity }.Validate();

        Assert.Equal(problem, problems.Any(p => p.StartsWith("QueueCapacity", StringComparison.Ordinal)));
    }

    private sealed class FailingReader : ICredentialReader
    {
        public event EventHandler<CredentialPresented>? CredentialPresented;

        public event EventHandler<KeyPressed>? KeyPressed;

        public event EventHandler<FrameRejected>? FrameRejected;

        public string ReaderId => "broken";

        public ReaderHealth Health => new(ReaderId, ReaderState.Faulted, null, 0, 0, "broken");

        public Task RunAsync(CancellationToken cancellationToken) =>
            Task.FromException(new InvalidOperationException($"{CredentialPresented}{KeyPressed}{FrameRejected} never raised"));
    }
}
