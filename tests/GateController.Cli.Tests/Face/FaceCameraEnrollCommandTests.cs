using System.Diagnostics;
using GateController.Core.Residents;
using GateController.Service.Face;
using GateController.Vision.Camera;
using GateController.Vision.Imaging;

namespace GateController.Cli.Tests.Face;

/// <summary>gatectl face enroll --camera end to end: the real socket, the real models, a replay camera at the gate.</summary>
public sealed class FaceCameraEnrollCommandTests
{
    private const string O = "--operator";

    [Fact]
    public async Task EnrollCamera_ResidentInFrontOfReplayCamera_ProgressShownTemplateStored()
    {
        await using var unit = new AdminFixture(face: FaceTestPhotos.OpenRecognition);
        Assert.True(unit.Face!.IsAvailable, unit.Face.UnavailableReason);
        await AddResidentAsync(unit, "F0101", consent: true);
        var folder = Path.Combine(unit.Directory, "replay");
        Directory.CreateDirectory(folder);
        FaceTestPhotos.WriteSingleFacePhoto(folder);
        WriteWall(Path.Combine(folder, "wall.jpg"));
        using var camera = new ReplayCameraSource(new ReplayCameraOptions { FolderPath = folder }, new CameraSourceOptions(), unit.Time);
        using var reader = new FaceGateReader(
            new FaceGateReaderOptions { ReaderId = "gate-camera", Mode = FaceGateMode.Triggered, EnrollmentTimeout = TimeSpan.FromMinutes(10) },
            camera, unit.Face, unit.Time);
        using var stop = new CancellationTokenSource();
        var running = reader.RunAsync(stop.Token);

        var enrolling = unit.GatectlAsync("face", "enroll", "--resident", "F0101", "--camera", "--frames", "3", O, AdminFixture.Office);
        await PlayUntilAsync(unit, camera, enrolling);
        var (status, output, error) = await enrolling;
        await stop.CancelAsync();
        await running;

        Assert.True(status == 0, error);
        Assert.Contains("good (3/3)", output, StringComparison.Ordinal);
        Assert.Contains("enrolled for F0101 from 3 camera frames; no frame was stored", output, StringComparison.Ordinal);
        Assert.Single(unit.Store.ListFaceTemplates(ResidentId.Parse("F0101")));
        Assert.DoesNotContain(Directory.EnumerateFiles(unit.Directory, "*", SearchOption.AllDirectories), f => f.EndsWith(".jpg", StringComparison.Ordinal) && !f.StartsWith(folder, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EnrollCamera_WithoutConsent_RefusedNothingStored()
    {
        await using var unit = new AdminFixture(face: FaceTestPhotos.OpenRecognition);
        await AddResidentAsync(unit, "F0102", consent: false);
        using var reader = new FaceGateReader(
            new FaceGateReaderOptions { ReaderId = "gate-camera", Mode = FaceGateMode.Triggered },
            new ReplayCameraSource(new ReplayCameraOptions { FolderPath = unit.Directory }, new CameraSourceOptions(), unit.Time), unit.Face!, unit.Time);

        var (status, _, error) = await unit.GatectlAsync("face", "enroll", "--resident", "F0102", "--camera", O, AdminFixture.Office);

        Assert.Equal(GatectlCommandLine.ExitFailure, status);
        Assert.Contains("F0102 has no active face consent", error, StringComparison.Ordinal);
        Assert.Empty(unit.Store.ListFaceTemplates(ResidentId.Parse("F0102")));
    }

    [Theory]
    [InlineData("--frames", "0", "--frames must be 1-20")]
    [InlineData("--frames", "21", "--frames must be 1-20")]
    [InlineData("--photo", "x.jpg", "either --photo or --camera")]
    public async Task EnrollCamera_BadOptions_UsageError(string option, string value, string message)
    {
        await using var unit = new AdminFixture();

        var (status, _, error) = await unit.GatectlAsync("face", "enroll", "--resident", "F0103", "--camera", option, value, O, AdminFixture.Office);

        Assert.Equal(GatectlCommandLine.ExitUsage, status);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    private static async Task PlayUntilAsync(AdminFixture unit, ReplayCameraSource camera, Task enrolling)
    {
        // One camera period at a time, each once the reader has taken the frame before: a fake clock, real work.
        var cap = Stopwatch.StartNew();
        while (!enrolling.IsCompleted)
        {
            Assert.True(cap.Elapsed < TimeSpan.FromSeconds(60), "the enrolment never finished");
            if (camera.Frames.Count == 0)
            {
                unit.Time.Advance(TimeSpan.FromMilliseconds(67));
            }

            await Task.Yield();
            Thread.Yield();
        }
    }

    private static void WriteWall(string path)
    {
        using var image = ImageBuffer.Rent(640, 480, ImagePixelFormat.Rgb24);
        image.Pixels.Fill(128);
        using var encoder = new JpegEncoder();
        File.WriteAllBytes(path, encoder.Encode(image, 90));
    }

    private static async Task AddResidentAsync(AdminFixture unit, string id, bool consent)
    {
        var added = await unit.GatectlAsync("resident", "add", "--id", id, "--name", "Test " + id, O, AdminFixture.Office);
        Assert.True(added.Status == 0, added.Error);
        if (consent)
        {
            var given = await unit.GatectlAsync("consent", "give", "--resident", id, "--notice-version", AdminFixture.NoticeVersion, "--form", "F-" + id, O, AdminFixture.Office);
            Assert.True(given.Status == 0, given.Error);
        }
    }
}
