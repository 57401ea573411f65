using GateController.Service.Systemd;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Service.Tests.Systemd;

public sealed class WatchdogPingerTests
{
    private static readonly WatchdogOptions TenSeconds = new() { Interval = TimeSpan.FromSeconds(10) };

    [Fact]
    public void Tick_LoopBeatsEveryInterval_PingsAtHalfTheWatchdogInterval()
    {
        using var receiver = NotifySocketReceiver.InTemporaryDirectory();
        using var notifier = new SystemdNotifier(receiver.Address);
        var time = new FakeTimeProvider();
        using var pinger = new WatchdogPinger(notifier, TenSeconds, time);
        pinger.Start();

        pinger.Heartbeat();
        time.Advance(TimeSpan.FromSeconds(4.999));
        Assert.Empty(receiver.ReceiveQueued());
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(["WATCHDOG=1"], receiver.ReceiveQueued());

        pinger.Heartbeat();
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(["WATCHDOG=1"], receiver.ReceiveQueued());
        Assert.Equal(2, pinger.PingCount);
        Assert.Equal(0, pinger.WithheldPingCount);
    }

    [Fact]
    public void Tick_LoopStalled_StopsPingingUntilItBeatsAgain()
    {
        using var receiver = NotifySocketReceiver.InTemporaryDirectory();
        using var notifier = new SystemdNotifier(receiver.Address);
        var time = new FakeTimeProvider();
        using var pinger = new WatchdogPinger(notifier, TenSeconds, time);
        pinger.Start();
        pinger.Heartbeat();
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Single(receiver.ReceiveQueued());

        // The decision loop hangs: a whole watchdog interval and more passes without a beat.
        time.Advance(TimeSpan.FromSeconds(5));
        time.Advance(TimeSpan.FromSeconds(5));
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.Empty(receiver.ReceiveQueued());
        Assert.Equal(3, pinger.WithheldPingCount);

        pinger.Heartbeat();
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(["WATCHDOG=1"], receiver.ReceiveQueued());
    }

    [Fact]
    public void Tick_ManyBeatsInOneInterval_SendsOnePing()
    {
        using var receiver = NotifySocketReceiver.InTemporaryDirectory();
        using var notifier = new SystemdNotifier(receiver.Address);
        var time = new FakeTimeProvider();
        using var pinger = new WatchdogPinger(notifier, TenSeconds, time);
        pinger.Start();

        for (var beat = 0; beat < 50; beat++)
        {
            pinger.Heartbeat();
            time.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(["WATCHDOG=1"], receiver.ReceiveQueued());
    }

    [Fact]
    public void Tick_NotStarted_SendsNothing()
    {
        using var receiver = NotifySocketReceiver.InTemporaryDirectory();
        using var notifier = new SystemdNotifier(receiver.Address);
        var time = new FakeTimeProvider();
        using var pinger = new WatchdogPinger(notifier, TenSeconds, time);

        pinger.Heartbeat();
        time.Advance(TimeSpan.FromSeconds(30));

        Assert.Empty(receiver.ReceiveQueued());
    }

    [Fact]
    public void Tick_AfterDispose_SendsNothing()
    {
        using var receiver = NotifySocketReceiver.InTemporaryDirectory();
        using var notifier = new SystemdNotifier(receiver.Address);
        var time = new FakeTimeProvider();
        var pinger = new WatchdogPinger(notifier, TenSeconds, time);
        pinger.Start();
        pinger.Dispose();

        pinger.Heartbeat();
        time.Advance(TimeSpan.FromSeconds(30));

        Assert.Empty(receiver.ReceiveQueued());
    }

    [Fact]
    public void Tick_SocketGone_CountsFailureAndKeepsRunning()
    {
        var receiver = NotifySocketReceiver.InTemporaryDirectory();
        using var notifier = new SystemdNotifier(receiver.Address);
        receiver.Dispose();
        var time = new FakeTimeProvider();
        using var pinger = new WatchdogPinger(notifier, TenSeconds, time);
        pinger.Start();

        pinger.Heartbeat();
        time.Advance(TimeSpan.FromSeconds(5));
        pinger.Heartbeat();
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(2, pinger.FailedPingCount);
        Assert.Equal(0, pinger.PingCount);
        Assert.NotNull(pinger.LastError);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsArgumentExceptionNamingSetting()
    {
        using var notifier = new SystemdNotifier(null);
        var exception = Assert.Throws<ArgumentException>(
            () => new WatchdogPinger(notifier, new WatchdogOptions(), TimeProvider.System));

        Assert.Contains("Watchdog.Interval", exception.Message, StringComparison.Ordinal);
    }
}
