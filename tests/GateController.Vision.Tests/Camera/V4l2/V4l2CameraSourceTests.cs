using GateController.Vision.Camera;
using GateController.Vision.Camera.V4l2;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Vision.Tests.Camera.V4l2;

/// <summary>
/// This machine has no /dev/video device: these tests drive the real open and VIDIOC_QUERYCAP path against
/// files that are not cameras, and check the faults are reported with device and errno, then retried.
/// </summary>
public sealed class V4l2CameraSourceTests
{
    private static readonly CameraSourceOptions SourceOptions = new() { InitialRetryDelay = TimeSpan.FromSeconds(2) };

    [Theory]
    [InlineData("/dev/video-none-such", "/dev/video-none-such: open failed: errno 2 (ENOENT)")]
    [InlineData("/dev/null", "/dev/null: VIDIOC_QUERYCAP failed: errno 25 (ENOTTY)")]
    public async Task RunAsync_NotACamera_FaultNamesDeviceAndErrnoThenRetries(string device, string error)
    {
        var time = new FakeTimeProvider();
        using var source = new V4l2CameraSource(new V4l2CameraOptions { DevicePath = device }, SourceOptions, time);
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(stop.Token);

        await Eventually.UntilAsync(() => source.Health.State == CameraState.Faulted, "fault");
        Assert.Equal(error, source.Health.LastError);
        time.Advance(TimeSpan.FromSeconds(2));
        await Eventually.UntilAsync(() => source.Health.ConsecutiveFailures == 2, "retried and failed again");
        Assert.Equal(1, source.Health.Restarts);

        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsListingEveryProblem()
    {
        var exception = Assert.Throws<ArgumentException>(() => new V4l2CameraSource(
            new V4l2CameraOptions { DevicePath = "video0", Width = 800, BufferCount = 0 }, SourceOptions, TimeProvider.System));

        Assert.Contains("DevicePath", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Width×Height", exception.Message, StringComparison.Ordinal);
        Assert.Contains("BufferCount", exception.Message, StringComparison.Ordinal);
    }
}
