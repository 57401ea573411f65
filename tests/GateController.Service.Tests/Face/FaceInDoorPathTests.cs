using GateController.Core.Credentials;
using GateController.Core.Door;
using GateController.Hardware.Door;
using GateController.Hardware.Gate;
using GateController.Hardware.Gpio;
using GateController.Service.Face;
using GateController.Simulation.Gpio;
using GateController.Simulation.Scenarios;
using GateController.Vision.Camera;

namespace GateController.Service.Tests.Face;

/// <summary>The face reader in the access pipeline next to a card reader: one queue, one decision loop, one door.</summary>
public sealed class FaceInDoorPathTests : IDisposable
{
    private static readonly byte[] Card = [0x2A, 0x30, 0x39];

    private readonly FaceGateHarness _harness = new();
    private readonly List<AccessPipelineDecided> _decided = [];

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task RunAsync_FaceAndCard_BothDecidedByTheSameLoop()
    {
        var resident = _harness.AddEnrolled("R0001", FaceGateFrames.Resident);
        var camera = new TestCameraSource();
        using var face = _harness.CreateReader(camera, FaceGateMode.Continuous);
        var card = new ManualCardReader();
        var (pipeline, door, machine, gpio) = CreatePipeline(face, card, c => c.FaceResident == resident);
        using var stop = new CancellationTokenSource();
        var running = pipeline.RunAsync(stop.Token);

        camera.Publish(_harness.Frame(FaceGateFrames.Resident));
        card.Tap(Card, _harness.Time.GetUtcNow());
        await Eventually.UntilAsync(() => Count() == 2, "both credentials decided");
        await stop.CancelAsync();
        await running;

        lock (_decided)
        {
            Assert.Contains(_decided, d => d.Kind == CredentialKind.Face && d.ReaderId == "gate-camera" && d.Response == DoorResponse.Grant);
            Assert.Contains(_decided, d => d.Kind == CredentialKind.Card && d.Response == DoorResponse.Grant);
        }

        Assert.Equal(0, pipeline.ReaderFaults);
        Dispose(pipeline, door, machine, gpio);
    }

    [Fact]
    public async Task RunAsync_CameraFolderOfBadFiles_CardStillDecidedAndNothingFromFace()
    {
        var folder = Path.Combine(_harness.Directory, "replay");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "a.txt"), "not a picture");
        File.WriteAllBytes(Path.Combine(folder, "b.jpg"), FaceGateFrames.Resident.AsSpan(0, 3000).ToArray());
        _harness.AddEnrolled("R0001", FaceGateFrames.Resident);
        using var camera = new ReplayCameraSource(new ReplayCameraOptions { FolderPath = folder }, new CameraSourceOptions(), _harness.Time);
        using var face = _harness.CreateReader(camera, FaceGateMode.Continuous);
        var card = new ManualCardReader();
        var (pipeline, door, machine, gpio) = CreatePipeline(face, card, _ => false);
        using var stop = new CancellationTokenSource();
        var running = pipeline.RunAsync(stop.Token);

        await Eventually.UntilAsync(() => camera.Health.FramesRejected >= 1, "a bad file refused");
        _harness.Time.Advance(TimeSpan.FromMilliseconds(70));
        await Eventually.UntilAsync(() => camera.Health.FramesRejected >= 2, "the other bad file refused");
        card.Tap(Card, _harness.Time.GetUtcNow());
        await Eventually.UntilAsync(() => Count() == 1, "the card decided");
        await stop.CancelAsync();
        await running;

        lock (_decided)
        {
            Assert.Equal(CredentialKind.Card, Assert.Single(_decided).Kind);
        }

        Assert.Equal(0, face.Stats.FramesProcessed);
        Assert.Equal(1, camera.Health.RejectionsByReason[CameraFrameRejection.NotAnImage]);
        Assert.Equal(1, camera.Health.RejectionsByReason[CameraFrameRejection.CorruptImage]);
        Dispose(pipeline, door, machine, gpio);
    }

    private static void Dispose(AccessPipeline pipeline, DoorController door, DoorStateMachine machine, GpioController gpio)
    {
        pipeline.Dispose();
        door.Dispose();
        machine.Dispose();
        gpio.Dispose();
    }

    private int Count()
    {
        lock (_decided)
        {
            return _decided.Count;
        }
    }

    private (AccessPipeline Pipeline, DoorController Door, DoorStateMachine Machine, GpioController Gpio) CreatePipeline(
        FaceGateReader face, ManualCardReader card, Func<Core.Readers.CredentialPresented, bool> faceAllowed)
    {
        var time = _harness.Time;
        var driver = new SimulatedGpioDriver(28, time);
        var gpio = new GpioController(driver);
        driver.SetInput(24, PinValue.Low);
        driver.SetInput(4, PinValue.Low);
        driver.SetInput(15, PinValue.Low);
        var machine = new DoorStateMachine(DemoCommunity.DoorOptions(), time);
        var door = new DoorController(new DoorIo(gpio, new DoorIoOptions(), time), machine);
        door.Start();
        var pipeline = new AccessPipeline(door, [face, card], credential => credential.Kind switch
        {
            CredentialKind.Face when faceAllowed(credential) => DoorResponse.Grant,
            CredentialKind.Card when credential.CardUid.SequenceEqual(Card) => DoorResponse.Grant,
            _ => DoorResponse.Deny,
        }, new AccessPipelineOptions(), time);
        pipeline.Decided += (_, decided) =>
        {
            lock (_decided)
            {
                _decided.Add(decided);
            }
        };
        return (pipeline, door, machine, gpio);
    }
}
