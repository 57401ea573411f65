using GateController.Vision.Camera;
using GateController.Vision.Camera.Rpicam;
using GateController.Vision.Imaging;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Vision.Tests.Camera.Rpicam;

public sealed class RpicamVidCameraSourceTests
{
    private static readonly CameraSourceOptions SourceOptions = new()
    {
        FrameQueueCapacity = 8,
        InitialRetryDelay = TimeSpan.FromSeconds(1),
        MaximumRetryDelay = TimeSpan.FromSeconds(4),
    };

    [Fact]
    public async Task RunAsync_ChildWritesFramesAndExits_DeliversNv12AndRestartsWithBackoff()
    {
        using var command = new StandInCommand(width: 16, height: 8, frames: 3, partialBytes: 0, exitCode: 3);
        var time = new FakeTimeProvider();
        var camera = new RpicamVidCameraOptions { CommandPath = command.Path, Width = 16, Height = 8, FramesPerSecond = 15 };
        using var source = new RpicamVidCameraSource(camera, SourceOptions, time);
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(stop.Token);

        await Eventually.UntilAsync(() => source.Health.State == CameraState.Faulted, "child exit seen");
        var health = source.Health;
        Assert.Equal($"{command.Path}: exited with code 3 after 3 frames: ERROR: stand-in camera stopped", health.LastError);
        Assert.Equal(3, health.FramesDelivered);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(source.Frames.TryRead(out var frame));
            using (frame)
            {
                Assert.Equal(i, frame.SequenceNumber);
                Assert.Equal((16, 8, ImagePixelFormat.Nv12), (frame.Image.Width, frame.Image.Height, frame.Image.Format));
                Assert.All(frame.Image.Pixels[..128].ToArray(), b => Assert.Equal(80, b));
                Assert.Equal([90, 200, 90, 200], frame.Image.Pixels.Slice(128, 4).ToArray());
            }
        }

        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(0, source.Health.Restarts);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await Eventually.UntilAsync(() => source.Health is { Restarts: 1, FramesDelivered: 6, State: CameraState.Faulted }, "restarted child ran and exited");
        Assert.Equal(
            ["-t 0 --nopreview --codec yuv420 --width 16 --height 8 --framerate 15 -o -", "-t 0 --nopreview --codec yuv420 --width 16 --height 8 --framerate 15 -o -"],
            command.RecordedArguments());

        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task RunAsync_CutOffLastFrame_CountedAsShort()
    {
        using var command = new StandInCommand(width: 4, height: 2, frames: 1, partialBytes: 5, exitCode: 0);
        var time = new FakeTimeProvider();
        var camera = new RpicamVidCameraOptions { CommandPath = command.Path, Width = 4, Height = 2, OutputFormat = ImagePixelFormat.Rgb24 };
        using var source = new RpicamVidCameraSource(camera, SourceOptions, time);
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(stop.Token);

        await Eventually.UntilAsync(() => source.Health.State == CameraState.Faulted, "child exit seen");

        var health = source.Health;
        Assert.Equal(1, health.RejectionsByReason[CameraFrameRejection.ShortFrame]);
        Assert.Equal("ShortFrame: last frame of 5 bytes, 4x2 I420 needs 12", health.LastRejection);
        Assert.True(source.Frames.TryRead(out var frame));
        using (frame)
        {
            Assert.Equal(ImagePixelFormat.Rgb24, frame.Image.Format);
        }

        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task RunAsync_CommandMissing_FaultNamesCommand()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "rpicam-vid");
        var time = new FakeTimeProvider();
        using var source = new RpicamVidCameraSource(new RpicamVidCameraOptions { CommandPath = missing }, SourceOptions, time);
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(stop.Token);

        await Eventually.UntilAsync(() => source.Health.State == CameraState.Faulted, "start failure");
        Assert.StartsWith($"{missing}: could not start:", source.Health.LastError, StringComparison.Ordinal);
        Assert.Contains("(errno 2)", source.Health.LastError, StringComparison.Ordinal);

        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task RunAsync_Stopped_KillsRunningChild()
    {
        using var directory = new TemporaryScript("#!/bin/sh\necho $$ > \"$(dirname \"$0\")/pid\"\nexec sleep 600\n");
        var time = new FakeTimeProvider();
        using var source = new RpicamVidCameraSource(new RpicamVidCameraOptions { CommandPath = directory.Path, Width = 4, Height = 2 }, SourceOptions, time);
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(stop.Token);
        var pidFile = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(directory.Path)!, "pid");
        await Eventually.UntilAsync(() => File.Exists(pidFile) && File.ReadAllText(pidFile).EndsWith('\n'), "child started");
        var pid = int.Parse(File.ReadAllText(pidFile).Trim(), System.Globalization.CultureInfo.InvariantCulture);

        await stop.CancelAsync();
        await run;

        Assert.Equal(CameraState.Stopped, source.Health.State);
        Assert.False(Directory.Exists($"/proc/{pid}") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal), "the child still runs");
    }

    public static TheoryData<string, int, int, int, ImagePixelFormat, string?> OptionCases => new()
    {
        { "rpicam-vid", 640, 480, 15, ImagePixelFormat.Nv12, null },
        { "", 640, 480, 15, ImagePixelFormat.Nv12, "CommandPath" },
        { "rpicam-vid", 641, 480, 15, ImagePixelFormat.Nv12, "Width" },
        { "rpicam-vid", 640, 0, 15, ImagePixelFormat.Nv12, "Height" },
        { "rpicam-vid", 640, 480, 0, ImagePixelFormat.Nv12, "FramesPerSecond" },
        { "rpicam-vid", 640, 480, 15, ImagePixelFormat.Yuyv, "OutputFormat" },
    };

    [Theory]
    [MemberData(nameof(OptionCases))]
    public void Validate_Settings_NamesTheWrongSetting(string command, int width, int height, int fps, ImagePixelFormat format, string? problem)
    {
        var problems = new RpicamVidCameraOptions { CommandPath = command, Width = width, Height = height, FramesPerSecond = fps, OutputFormat = format }.Validate();

        if (problem is null)
        {
            Assert.Empty(problems);
        }
        else
        {
            Assert.StartsWith(problem, Assert.Single(problems), StringComparison.Ordinal);
        }
    }

    private sealed class TemporaryScript : IDisposable
    {
        private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("rpicam");

        public TemporaryScript(string text)
        {
            Path = System.IO.Path.Combine(_directory.FullName, "rpicam-vid");
            File.WriteAllText(Path, text);
            Assert.False(OperatingSystem.IsWindows(), "the stand-in is a shell script");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        public string Path { get; }

        public void Dispose() => _directory.Delete(recursive: true);
    }
}
