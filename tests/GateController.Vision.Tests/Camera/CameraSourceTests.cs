using GateController.Vision.Camera;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Vision.Tests.Camera;

public sealed class CameraSourceTests
{
    private static readonly CameraSourceOptions Options = new()
    {
        FrameQueueCapacity = 2,
        NoFrameTimeout = TimeSpan.FromSeconds(5),
        InitialRetryDelay = TimeSpan.FromSeconds(1),
        MaximumRetryDelay = TimeSpan.FromSeconds(3),
    };

    public static TheoryData<int, double, double, double, string?> OptionCases => new()
    {
        { 2, 5, 1, 30, null },
        { 0, 5, 1, 30, "FrameQueueCapacity" },
        { 9, 5, 1, 30, "FrameQueueCapacity" },
        { 2, 0, 1, 30, "NoFrameTimeout" },
        { 2, 5, 0, 30, "InitialRetryDelay" },
        { 2, 5, 10, 5, "MaximumRetryDelay" },
    };

    [Theory]
    [MemberData(nameof(OptionCases))]
    public void Validate_Settings_NamesTheWrongSetting(int capacity, double stallSeconds, double retrySeconds, double maximumSeconds, string? problem)
    {
        var options = new CameraSourceOptions
        {
            FrameQueueCapacity = capacity,
            NoFrameTimeout = TimeSpan.FromSeconds(stallSeconds),
            InitialRetryDelay = TimeSpan.FromSeconds(retrySeconds),
            MaximumRetryDelay = TimeSpan.FromSeconds(maximumSeconds),
        };

        var problems = options.Validate();

        if (problem is null)
        {
            Assert.Empty(problems);
        }
        else
        {
            Assert.Contains(problems, p => p.StartsWith(problem, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Validate_EverythingWrong_ReportsEveryProblem()
    {
        var options = new CameraSourceOptions
        {
            FrameQueueCapacity = 0,
            NoFrameTimeout = TimeSpan.Zero,
            InitialRetryDelay = TimeSpan.Zero,
            MaximumRetryDelay = TimeSpan.FromSeconds(-1),
        };

        Assert.Equal(4, options.Validate().Count);
    }

    [Fact]
    public async Task PublishFrame_SlowConsumer_DropsOldestClearedAndKeepsLatest()
    {
        var time = new FakeTimeProvider();
        using var source = new ScriptedCameraSource(Options, time);
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(stop.Token);

        var published = Enumerable.Range(1, 5).Select(i => source.Publish((byte)i)).ToList();

        var health = source.Health;
        Assert.Equal(3, health.FramesDropped);
        Assert.Equal(2, health.FramesDelivered);
        using (var newest1 = await Eventually.ReadAsync(source.Frames))
        using (var newest2 = await Eventually.ReadAsync(source.Frames))
        {
            Assert.Equal([3L, 4L], [newest1.SequenceNumber, newest2.SequenceNumber]);
            Assert.Equal(4, newest1.Image.Pixels[0]);
            Assert.Equal(5, newest2.Image.Pixels[0]);
        }

        for (var i = 0; i < 3; i++)
        {
            Assert.True(published[i].IsDisposed, $"dropped frame {i} was not cleared and returned");
        }

        Assert.All(published, image => Assert.True(image.IsDisposed));
        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task RunAsync_NoFramesForTimeout_FaultsThenRetriesWithDoublingDelay()
    {
        var time = new FakeTimeProvider();
        using var source = new ScriptedCameraSource(Options, time);
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(stop.Token);
        Assert.Equal(CameraState.Streaming, source.Health.State);

        time.Advance(TimeSpan.FromSeconds(5));
        await Eventually.UntilAsync(() => source.Health.State == CameraState.Faulted, "stall fault");
        Assert.Equal("scripted: no frames for 5 s", source.Health.LastError);
        Assert.Equal(1, source.Health.ConsecutiveFailures);

        time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.UntilAsync(() => source.Health.Restarts == 1 && source.Sessions == 2, "first retry after 1 s");

        time.Advance(TimeSpan.FromSeconds(5));
        await Eventually.UntilAsync(() => source.Health.ConsecutiveFailures == 2, "second stall");
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, source.Health.Restarts);
        time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.UntilAsync(() => source.Health.Restarts == 2, "second retry after 2 s");

        source.Publish(7).GetType();
        Assert.Equal(0, source.Health.ConsecutiveFailures);
        await stop.CancelAsync();
        await run;
        Assert.Equal(CameraState.Stopped, source.Health.State);
    }

    [Fact]
    public async Task RunAsync_DeviceGone_ReportsErrorAndRetriesCappedAtMaximum()
    {
        var time = new FakeTimeProvider();
        using var source = new ScriptedCameraSource(Options, time);
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(stop.Token);

        for (var failure = 1; failure <= 4; failure++)
        {
            source.Fail(new IOException("/dev/video0: read failed: errno 19 (ENODEV)"));
            await Eventually.UntilAsync(() => source.Health.ConsecutiveFailures == failure, $"failure {failure}");
            Assert.Equal("scripted: /dev/video0: read failed: errno 19 (ENODEV)", source.Health.LastError);
            var expectedDelay = TimeSpan.FromSeconds(Math.Min(3, 1 << (failure - 1)));
            time.Advance(expectedDelay - TimeSpan.FromMilliseconds(1));
            Assert.Equal(failure - 1, source.Health.Restarts);
            time.Advance(TimeSpan.FromMilliseconds(1));
            await Eventually.UntilAsync(() => source.Sessions == failure + 1, $"retry {failure}");
        }

        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task Health_FramesAtSteadyRate_ReportsFramesPerSecond()
    {
        var time = new FakeTimeProvider();
        using var source = new ScriptedCameraSource(Options, time);
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(stop.Token);
        for (var i = 0; i < 11; i++)
        {
            source.Publish(1);
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(10, source.Health.FramesPerSecond, precision: 6);
        Assert.Equal((4, 2), (source.Health.Width, source.Health.Height));
        source.Reject(Vision.Camera.CameraFrameRejection.TruncatedFrame);
        Assert.Equal(1, source.Health.RejectionsByReason[CameraFrameRejection.TruncatedFrame]);
        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task Dispose_FramesLeftUnread_ClearedAndReturned()
    {
        var time = new FakeTimeProvider();
        var source = new ScriptedCameraSource(Options, time);
        using var stop = new CancellationTokenSource();
        var run = source.RunAsync(stop.Token);
        var held = source.Publish(1);
        Assert.True(source.Frames.TryRead(out var heldFrame));
        var queued = new[] { source.Publish(2), source.Publish(3) };
        await stop.CancelAsync();
        await run;

        var afterStop = source.Publish(4);
        source.Dispose();

        Assert.All(queued, image => Assert.True(image.IsDisposed, "a queued frame outlived the source"));
        Assert.True(afterStop.IsDisposed, "a frame published after stopping was kept");
        Assert.False(held.IsDisposed, "the frame the consumer holds belongs to the consumer");
        heldFrame.Dispose();
        Assert.True(held.IsDisposed);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsListingProblems()
    {
        var exception = Assert.Throws<ArgumentException>(
            () => new ScriptedCameraSource(new CameraSourceOptions { FrameQueueCapacity = 0 }, TimeProvider.System));
        Assert.Contains("FrameQueueCapacity", exception.Message, StringComparison.Ordinal);
    }
}
