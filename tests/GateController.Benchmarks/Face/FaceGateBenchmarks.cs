using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using GateController.Core.Credentials;
using GateController.Core.Door;
using GateController.Hardware.Door;
using GateController.Hardware.Gate;
using GateController.Hardware.Gpio;
using GateController.Service.Face;
using GateController.Simulation.Gpio;
using GateController.Simulation.Scenarios;
using GateController.Vision.Camera;

namespace GateController.Benchmarks.Face;

/// <summary>
/// The face gate loop with the real models on a replay camera at 15 fps (system clock, 2 intra-op threads).
/// <list type="bullet">
/// <item><see cref="FaceToDoorDecision"/>: the resident's face for one frame in three (in view, then two frames of an
/// empty wall so they leave view and come back), through the face reader and an access pipeline with a simple decision
/// and the simulated door, while a card reader presents a card every 50 ms. Targets: frame captured → door decision p50
/// ≤ 100 ms, p95 ≤ 150 ms; card presented → decision p99 ≤ 5 ms. The cleanup prints both.</item>
/// <item><see cref="TriggeredIdleCpu"/>: an empty wall in triggered mode: the process's CPU time over 5 s of wall
/// time, in % of one core (camera decoding and motion detection only; target ≤ 5 %). Warm-up invocations are left out of the printed figures.</item>
/// </list>
/// </summary>
[Config(typeof(Hardware.InProcessSingleInvocationConfig))]
public class FaceGateBenchmarks
{
    private const int FaceDecisionsPerInvocation = 20;

    // The warm-up invocations (model first runs, JIT) are not part of the figures.
    private const int WarmupInvocations = 2;

    private readonly List<double> _faceMilliseconds = [];
    private readonly List<double> _cardMilliseconds = [];
    private readonly List<double> _idleCpuPercent = [];
    private readonly SemaphoreSlim _faceDecided = new(0);
    private FaceGateBenchmarkUnit _unit = null!;
    private ReplayCameraSource _camera = null!;
    private FaceGateReader _reader = null!;
    private CancellationTokenSource _stop = new();
    private Task _run = Task.CompletedTask;
    private GpioController? _gpio;
    private DoorStateMachine? _machine;
    private DoorController? _door;
    private AccessPipeline? _pipeline;
    private static readonly byte[] CardUid = [0x2A, 0x30, 0x39];
    private static readonly TimeSpan CardPeriod = TimeSpan.FromMilliseconds(50);
    private ManualCardReader? _cards;
    private int _invocations;

    [GlobalSetup(Target = nameof(FaceToDoorDecision))]
    public void SetupDoorPath()
    {
        _unit = new FaceGateBenchmarkUnit();
        _unit.WriteReplay("1-resident.jpg", _unit.ResidentFrame);
        _unit.WriteReplay("2-wall.jpg", _unit.EmptyFrame);
        _unit.WriteReplay("3-wall.jpg", _unit.EmptyFrame);
        var time = TimeProvider.System;
        _camera = new ReplayCameraSource(new ReplayCameraOptions { FolderPath = _unit.ReplayFolder, FramesPerSecond = 15 }, new CameraSourceOptions { FrameQueueCapacity = 1 }, time);
        _reader = new FaceGateReader(
            new FaceGateReaderOptions { ReaderId = "front-camera", Mode = FaceGateMode.Continuous, LeaveViewAfter = TimeSpan.FromMilliseconds(100) },
            _camera, _unit.Recognition, time);
        _cards = new ManualCardReader(CardUid, CardPeriod);
        var driver = new SimulatedGpioDriver(28, time);
        _gpio = new GpioController(driver);
        driver.SetInput(24, PinValue.Low);
        driver.SetInput(4, PinValue.Low);
        driver.SetInput(15, PinValue.Low);
        _machine = new DoorStateMachine(DemoCommunity.DoorOptions(), time);
        _door = new DoorController(new DoorIo(_gpio, new DoorIoOptions(), time), _machine);
        _door.Start();
        var card = Convert.ToHexString(CardUid);
        _pipeline = new AccessPipeline(_door, [_reader, _cards], credential => credential.Kind switch
        {
            CredentialKind.Face when credential.FaceResident == FaceGateBenchmarkUnit.Resident && credential.FaceLivenessPassed => DoorResponse.Grant,
            CredentialKind.Card when credential.CardUidHex() == card => DoorResponse.Grant,
            _ => DoorResponse.Deny,
        }, new AccessPipelineOptions(), time);
        _pipeline.Decided += (_, decided) =>
        {
            var milliseconds = (decided.DecidedAt - decided.PresentedAt).TotalMilliseconds;
            if (decided.Kind == CredentialKind.Face)
            {
                lock (_faceMilliseconds)
                {
                    _faceMilliseconds.Add(milliseconds);
                }

                _faceDecided.Release();
            }
            else
            {
                lock (_cardMilliseconds)
                {
                    _cardMilliseconds.Add(milliseconds);
                }
            }
        };
        _run = _pipeline.RunAsync(_stop.Token);
    }

    [GlobalSetup(Target = nameof(TriggeredIdleCpu))]
    public void SetupIdle()
    {
        _unit = new FaceGateBenchmarkUnit();
        _unit.WriteReplay("wall.jpg", _unit.EmptyFrame);
        var time = TimeProvider.System;
        _camera = new ReplayCameraSource(new ReplayCameraOptions { FolderPath = _unit.ReplayFolder, FramesPerSecond = 15 }, new CameraSourceOptions { FrameQueueCapacity = 1 }, time);
        _reader = new FaceGateReader(new FaceGateReaderOptions { ReaderId = "front-camera", Mode = FaceGateMode.Triggered }, _camera, _unit.Recognition, time);
        _run = _reader.RunAsync(_stop.Token);
    }

    [Benchmark(Description = "replay 15 fps, face frame captured -> door decision, cards every 50 ms")]
    public void FaceToDoorDecision()
    {
        if (_invocations++ == WarmupInvocations)
        {
            ForgetWarmup();
        }

        for (var i = 0; i < FaceDecisionsPerInvocation; i++)
        {
            if (!_faceDecided.Wait(TimeSpan.FromSeconds(10)))
            {
                throw new InvalidOperationException($"no face decision within 10 s (reader: {_reader.Health.LastError}, processed {_reader.Stats.FramesProcessed})");
            }
        }
    }

    [Benchmark(Description = "triggered mode, empty wall at 15 fps: process CPU over 5 s")]
    public void TriggeredIdleCpu()
    {
        if (_invocations++ == WarmupInvocations)
        {
            ForgetWarmup();
        }

        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        Thread.Sleep(TimeSpan.FromSeconds(5));
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        _idleCpuPercent.Add(100 * cpu.TotalMilliseconds / wall.Elapsed.TotalMilliseconds);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _stop.Cancel();
        _run.GetAwaiter().GetResult();
        var stats = _reader.Stats;
        if (_pipeline is not null)
        {
            Report("face: frame captured -> door decision", _faceMilliseconds);
            Report("card: presented -> door decision (in parallel)", _cardMilliseconds);
            Console.WriteLine($"// pipeline latency p50 {stats.LatencyP50Milliseconds:0.0} ms, p95 {stats.LatencyP95Milliseconds:0.0} ms; frames processed {stats.FramesProcessed}, matched {stats.Matched}, camera dropped {_camera.Health.FramesDropped}; decided {_pipeline.CredentialsDecided}, dropped {_pipeline.CredentialsDropped}");
        }
        else
        {
            Console.WriteLine($"// triggered idle CPU per 5 s iteration (% of one core): {string.Join(", ", _idleCpuPercent.Select(p => p.ToString("0.00", CultureInfo.InvariantCulture)))}; frames to the models {stats.FramesProcessed}, idle frames {_reader.IdleFrames}");
        }

        _pipeline?.Dispose();
        _door?.Dispose();
        _machine?.Dispose();
        _gpio?.Dispose();
        _reader.Dispose();
        _camera.Dispose();
        _unit.Dispose();
        _stop.Dispose();
        _stop = new CancellationTokenSource();
        _pipeline = null;
        _invocations = 0;
        _faceMilliseconds.Clear();
        _cardMilliseconds.Clear();
        _idleCpuPercent.Clear();
    }

    private void ForgetWarmup()
    {
        lock (_faceMilliseconds)
        {
            _faceMilliseconds.Clear();
        }

        lock (_cardMilliseconds)
        {
            _cardMilliseconds.Clear();
        }

        _idleCpuPercent.Clear();
    }

    private static void Report(string what, List<double> milliseconds)
    {
        if (milliseconds.Count == 0)
        {
            Console.WriteLine($"// {what}: no samples");
            return;
        }

        var sorted = milliseconds.Order().ToArray();
        string At(double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1)].ToString("0.00", CultureInfo.InvariantCulture);
        Console.WriteLine($"// {what}: n={sorted.Length} p50={At(0.50)} ms p95={At(0.95)} ms p99={At(0.99)} ms max={At(1.0)} ms");
    }
}
