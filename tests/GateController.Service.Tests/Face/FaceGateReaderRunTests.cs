using GateController.Core.Readers;
using GateController.Service.Face;
using GateController.Vision.Camera;

namespace GateController.Service.Tests.Face;

/// <summary>The reader's own loop: cameras, dropped frames, faults and bad input.</summary>
public sealed class FaceGateReaderRunTests : IDisposable
{
    private readonly FaceGateHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task RunAsync_ReplayCameraWithResidentsPhoto_RaisesFaceCredentialForThem()
    {
        var resident = _harness.AddEnrolled("R0001", FaceGateFrames.Resident);
        var folder = Path.Combine(_harness.Directory, "replay");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "1-resident.jpg"), FaceGateFrames.Resident);
        using var camera = new ReplayCameraSource(new ReplayCameraOptions { FolderPath = folder, Loop = false }, new CameraSourceOptions(), _harness.Time);
        using var reader = _harness.CreateReader(camera, FaceGateMode.Continuous);
        var raised = new List<CredentialPresented>();
        reader.CredentialPresented += (_, credential) => { lock (raised) { raised.Add(credential); } };

        await reader.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        var credential = Assert.Single(raised);
        Assert.Equal(resident, credential.FaceResident);
        Assert.Equal(CameraState.Ended, camera.Health.State);
    }

    [Fact]
    public async Task RunAsync_ReplayFolderWithNonImages_SkippedWithReasonNothingRaised()
    {
        _harness.AddEnrolled("R0001", FaceGateFrames.Resident);
        var folder = Path.Combine(_harness.Directory, "replay");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a picture");
        using var camera = new ReplayCameraSource(new ReplayCameraOptions { FolderPath = folder, Loop = false }, new CameraSourceOptions(), _harness.Time);
        using var reader = _harness.CreateReader(camera, FaceGateMode.Continuous);
        var raised = 0;
        var rejected = new List<FrameRejected>();
        reader.CredentialPresented += (_, _) => Interlocked.Increment(ref raised);
        reader.FrameRejected += (_, rejection) => rejected.Add(rejection);

        await reader.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        reader.CheckCamera();

        Assert.Equal(0, raised);
        Assert.Equal(0, reader.Stats.FramesProcessed);
        var rejection = Assert.Single(rejected);
        Assert.Equal("NotAnImage", rejection.Reason);
        Assert.Contains("notes.txt", rejection.Detail, StringComparison.Ordinal);
        Assert.Equal(1, reader.Health.BadFrames);
        Assert.Single(_harness.Store.ListFaceTemplates(Core.Residents.ResidentId.Parse("R0001")));
    }

    [Fact]
    public async Task RunAsync_TruncatedJpegInReplay_RefusedAsCorruptAndOthersStillDecided()
    {
        var resident = _harness.AddEnrolled("R0001", FaceGateFrames.Resident);
        var folder = Path.Combine(_harness.Directory, "replay");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "1-cut.jpg"), FaceGateFrames.Resident.AsSpan(0, 2000).ToArray());
        File.WriteAllBytes(Path.Combine(folder, "2-resident.jpg"), FaceGateFrames.Resident);
        using var camera = new ReplayCameraSource(new ReplayCameraOptions { FolderPath = folder, Loop = false }, new CameraSourceOptions(), _harness.Time);
        using var reader = _harness.CreateReader(camera, FaceGateMode.Continuous);
        var raised = new List<CredentialPresented>();
        reader.CredentialPresented += (_, credential) => { lock (raised) { raised.Add(credential); } };

        var running = reader.RunAsync(CancellationToken.None);
        await Eventually.UntilAsync(() => camera.Health.FramesRejected == 1, "the cut file refused");
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        await running.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(resident, Assert.Single(raised).FaceResident);
        Assert.Equal(1, camera.Health.RejectionsByReason[CameraFrameRejection.CorruptImage]);
    }

    [Fact]
    public async Task RunAsync_FramesWaitingWhileBusy_OnlyTheNewestIsProcessedOthersCleared()
    {
        var resident = _harness.AddEnrolled("R0001", FaceGateFrames.Resident);
        var camera = new TestCameraSource();
        using var reader = _harness.CreateReader(camera, FaceGateMode.Continuous);
        var old1 = _harness.Frame(FaceGateFrames.Stranger, 0);
        var old2 = _harness.Frame(FaceGateFrames.Neighbour, 1);
        camera.Publish(old1);
        camera.Publish(old2);
        camera.Publish(_harness.Frame(FaceGateFrames.Resident, 2));
        var raised = new List<CredentialPresented>();
        reader.CredentialPresented += (_, credential) => { lock (raised) { raised.Add(credential); } };
        using var stop = new CancellationTokenSource();

        var running = reader.RunAsync(stop.Token);
        await Eventually.UntilAsync(() => reader.Stats.FramesProcessed == 1, "the newest frame processed");
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(resident, Assert.Single(raised).FaceResident);
        Assert.True(old1.Image.IsDisposed);
        Assert.True(old2.Image.IsDisposed);
        Assert.Equal(0, reader.Stats.Unmatched);
    }

    [Fact]
    public async Task RunAsync_ModeOff_ReturnsAtOnceWithoutOpeningTheCamera()
    {
        var camera = new TestCameraSource();
        using var reader = _harness.CreateReader(camera, FaceGateMode.Off);

        await reader.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(0, camera.Runs);
        Assert.Equal(ReaderState.Stopped, reader.Health.State);
    }

    [Fact]
    public void Health_CameraFaulted_DegradedWithTheLastError()
    {
        var camera = new TestCameraSource
        {
            Health = new CameraHealth { SourceName = "/dev/video0", State = CameraState.Faulted, LastError = "/dev/video0: no frames for 5 s", ConsecutiveFailures = 2 },
        };
        using var reader = _harness.CreateReader(camera, FaceGateMode.Continuous);

        var health = reader.Health;
        var stats = reader.Stats;

        Assert.Equal(ReaderState.Faulted, health.State);
        Assert.Equal("/dev/video0: no frames for 5 s", health.LastError);
        Assert.False(stats.CameraHealthy);
        Assert.Equal("/dev/video0: no frames for 5 s", stats.CameraLastError);
    }

    [Fact]
    public async Task RunAsync_ReplayFolderMissing_FaultedNamingItAndRetried()
    {
        var folder = Path.Combine(_harness.Directory, "not-there");
        using var camera = new ReplayCameraSource(new ReplayCameraOptions { FolderPath = folder }, new CameraSourceOptions(), _harness.Time);
        using var reader = _harness.CreateReader(camera, FaceGateMode.Continuous);
        using var stop = new CancellationTokenSource();

        var running = reader.RunAsync(stop.Token);
        await Eventually.UntilAsync(() => reader.Health.State == ReaderState.Faulted, "the camera fault shown");
        var faulted = reader.Health;
        var stats = reader.Stats;
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.UntilAsync(() => camera.Health.Restarts >= 1, "the camera retried");
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Contains("not-there", faulted.LastError, StringComparison.Ordinal);
        Assert.False(stats.CameraHealthy);
        Assert.Contains("not-there", stats.CameraLastError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CameraFrameRejection.TruncatedFrame, "MJPEG frame of 100 bytes has no end-of-image marker", "TruncatedFrame")]
    [InlineData(CameraFrameRejection.ResolutionChanged, "frame is 1280x720, 640x480 was negotiated", "ResolutionChanged")]
    [InlineData(CameraFrameRejection.CorruptImage, "cut.jpg: Premature end of JPEG file", "CorruptImage")]
    public void CheckCamera_NewCameraRefusals_OneFrameRejectedWithTheReason(CameraFrameRejection rejection, string detail, string reason)
    {
        var camera = new TestCameraSource();
        using var reader = _harness.CreateReader(camera, FaceGateMode.Continuous);
        var raised = new List<FrameRejected>();
        reader.FrameRejected += (_, rejected) => raised.Add(rejected);
        camera.Health = camera.Health with { FramesRejected = 3, LastRejection = $"{rejection}: {detail}" };

        reader.CheckCamera();
        reader.CheckCamera();

        var only = Assert.Single(raised);
        Assert.Equal(reason, only.Reason);
        Assert.Equal($"3 camera frame(s) refused; last: {rejection}: {detail}", only.Detail);
        Assert.Equal("gate-camera", only.ReaderId);
        Assert.Equal(3, reader.Health.BadFrames);
        Assert.Equal(0, reader.Stats.FramesProcessed);
    }
}
