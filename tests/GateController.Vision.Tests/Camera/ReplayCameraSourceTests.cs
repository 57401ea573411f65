using GateController.Vision.Camera;
using GateController.Vision.Imaging;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Vision.Tests.Camera;

public sealed class ReplayCameraSourceTests
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1.0 / 15);

    private static readonly CameraSourceOptions SourceOptions = new()
    {
        FrameQueueCapacity = 2,
        NoFrameTimeout = TimeSpan.FromSeconds(5),
        InitialRetryDelay = TimeSpan.FromSeconds(1),
        MaximumRetryDelay = TimeSpan.FromSeconds(8),
    };

    public static TheoryData<string, double, string[], ImagePixelFormat, string?> OptionCases => new()
    {
        { "frames", 15, [], ImagePixelFormat.Rgb24, null },
        { "", 15, [], ImagePixelFormat.Rgb24, "FolderPath" },
        { "frames", 0, [], ImagePixelFormat.Rgb24, "FramesPerSecond" },
        { "frames", 121, [], ImagePixelFormat.Rgb24, "FramesPerSecond" },
        { "frames", double.NaN, [], ImagePixelFormat.Rgb24, "FramesPerSecond" },
        { "frames", 15, ["../secret.jpg"], ImagePixelFormat.Rgb24, "Script" },
        { "frames", 15, ["a.jpg", ""], ImagePixelFormat.Rgb24, "Script" },
        { "frames", 15, [], ImagePixelFormat.Nv12, "OutputFormat" },
    };

    [Theory]
    [MemberData(nameof(OptionCases))]
    public void Validate_Settings_NamesTheWrongSetting(string folder, double fps, string[] script, ImagePixelFormat format, string? problem)
    {
        var problems = new ReplayCameraOptions { FolderPath = folder, FramesPerSecond = fps, Script = script, OutputFormat = format }.Validate();

        if (problem is null)
        {
            Assert.Empty(problems);
        }
        else
        {
            Assert.Single(problems);
            Assert.StartsWith(problem, problems[0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RunAsync_FolderOfJpegs_DeliversSortedFilesAtConfiguredRate()
    {
        using var folder = new ReplayFolder();
        folder.AddJpeg("b.jpg", 40, 30);
        folder.AddJpeg("a.jpg", 32, 24);
        folder.AddJpeg("c.jpg", 48, 36);
        var time = new FakeTimeProvider();
        using var source = new ReplayCameraSource(new ReplayCameraOptions { FolderPath = folder.Path }, SourceOptions, time);
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(stop.Token);
        var start = time.GetUtcNow();

        var widths = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            using var frame = await Eventually.ReadAsync(source.Frames);
            Assert.Equal(i, frame.SequenceNumber);
            Assert.Equal(start + (Period * i), frame.CaptureTimestamp, TimeSpan.FromMilliseconds(1));
            Assert.Equal(ImagePixelFormat.Rgb24, frame.Image.Format);
            widths.Add(frame.Image.Width);
            Assert.False(source.Frames.TryRead(out _), "a frame arrived before its time");
            time.Advance(Period);
        }

        Assert.Equal([32, 40, 48, 32], widths);
        Assert.Equal(15, source.Health.FramesPerSecond, precision: 3);
        Assert.Equal(CameraState.Streaming, source.Health.State);
        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task RunAsync_NonImagesInFolder_SkipsThemWithReasonsCounted()
    {
        using var folder = new ReplayFolder();
        var jpeg = folder.AddJpeg("1.jpg");
        folder.AddFile("2.txt", "not a photo"u8.ToArray());
        folder.AddFile("3.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0]);
        folder.AddFile("4.jpg", jpeg[..(jpeg.Length / 2)]);
        folder.AddFile("5.jpg", []);
        var time = new FakeTimeProvider();
        using var source = new ReplayCameraSource(new ReplayCameraOptions { FolderPath = folder.Path, Loop = false }, SourceOptions, time);
        var run = source.RunAsync(CancellationToken.None);

        using (var only = await Eventually.ReadAsync(source.Frames))
        {
            Assert.Equal(0, only.SequenceNumber);
        }

        for (var i = 0; i < 4; i++)
        {
            time.Advance(Period);
        }

        await run.WaitAsync(TimeSpan.FromSeconds(20));
        var health = source.Health;
        Assert.Equal(CameraState.Ended, health.State);
        Assert.Equal(4, health.FramesRejected);
        Assert.Equal(3, health.RejectionsByReason[CameraFrameRejection.NotAnImage]);
        Assert.Equal(1, health.RejectionsByReason[CameraFrameRejection.CorruptImage]);
        Assert.StartsWith("NotAnImage: 5.jpg: empty input", health.LastRejection, StringComparison.Ordinal);
        Assert.False(await source.Frames.WaitToReadAsync(), "an unlooped replay completes its frames");
    }

    [Fact]
    public async Task RunAsync_Script_PlaysNamedFilesInOrderWithRepeats()
    {
        using var folder = new ReplayFolder();
        folder.AddJpeg("small.jpg", 16, 16);
        folder.AddJpeg("large.jpg", 64, 48);
        var time = new FakeTimeProvider();
        var options = new ReplayCameraOptions { FolderPath = folder.Path, Loop = false, Script = ["large.jpg", "small.jpg", "large.jpg"] };
        using var source = new ReplayCameraSource(options, SourceOptions, time);
        var run = source.RunAsync(CancellationToken.None);

        var widths = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            using var frame = await Eventually.ReadAsync(source.Frames);
            widths.Add(frame.Image.Width);
            time.Advance(Period);
        }

        await run.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal([64, 16, 64], widths);
    }

    [Fact]
    public async Task RunAsync_MissingFolder_FaultNamesFolderAndRetries()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-replay-" + Guid.NewGuid().ToString("N"));
        var time = new FakeTimeProvider();
        using var source = new ReplayCameraSource(new ReplayCameraOptions { FolderPath = missing }, SourceOptions, time);
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(stop.Token);

        await Eventually.UntilAsync(() => source.Health.State == CameraState.Faulted, "fault");
        Assert.Equal($"replay folder '{missing}' does not exist", source.Health.LastError);

        Directory.CreateDirectory(missing);
        try
        {
            using (var folder = new ReplayFolder())
            {
                File.WriteAllBytes(Path.Combine(missing, "a.jpg"), folder.AddJpeg("a.jpg"));
            }

            time.Advance(TimeSpan.FromSeconds(1));
            using var frame = await Eventually.ReadAsync(source.Frames);
            Assert.Equal(1, source.Health.Restarts);
            Assert.Equal(CameraState.Streaming, source.Health.State);
        }
        finally
        {
            await stop.CancelAsync();
            await run;
            Directory.Delete(missing, recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_OnlyNonImages_StallIsReportedAsFault()
    {
        using var folder = new ReplayFolder();
        folder.AddFile("notes.txt", "x"u8.ToArray());
        var time = new FakeTimeProvider();
        using var source = new ReplayCameraSource(new ReplayCameraOptions { FolderPath = folder.Path, FramesPerSecond = 1 }, SourceOptions, time);
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(stop.Token);

        for (var i = 0; i < 5; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
        }

        await Eventually.UntilAsync(() => source.Health.State == CameraState.Faulted, "stall fault");
        Assert.Equal($"{folder.Path}: no frames for 5 s", source.Health.LastError);
        Assert.True(source.Health.RejectionsByReason[CameraFrameRejection.NotAnImage] >= 1);
        await stop.CancelAsync();
        await run;
    }
}
