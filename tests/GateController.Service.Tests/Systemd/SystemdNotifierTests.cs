using GateController.Service.Systemd;

namespace GateController.Service.Tests.Systemd;

public sealed class SystemdNotifierTests
{
    [Fact]
    public void Notify_SocketInDirectory_DeliversEachStateAsOneDatagram()
    {
        using var receiver = NotifySocketReceiver.InTemporaryDirectory();
        using var notifier = new SystemdNotifier(receiver.Address);

        Assert.True(notifier.NotifyMainProcessId(4242));
        Assert.True(notifier.NotifyStatus("door path live; models loading"));
        Assert.True(notifier.NotifyReady());
        Assert.True(notifier.NotifyWatchdog());
        Assert.True(notifier.NotifyStopping());

        Assert.Equal(
            ["MAINPID=4242", "STATUS=door path live; models loading", "READY=1", "WATCHDOG=1", "STOPPING=1"],
            receiver.ReceiveQueued());
    }

    [Fact]
    public void Notify_AbstractSocket_DeliversToTheAbstractName()
    {
        using var receiver = NotifySocketReceiver.InAbstractNamespace();
        using var notifier = new SystemdNotifier(receiver.Address);

        Assert.True(notifier.Notify("READY=1\nSTATUS=ready"));

        Assert.Equal(["READY=1\nSTATUS=ready"], receiver.ReceiveQueued());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Notify_NoSocket_SendsNothingAndReturnsFalse(string? notifySocket)
    {
        using var notifier = new SystemdNotifier(notifySocket);

        Assert.False(notifier.IsEnabled);
        Assert.False(notifier.NotifyReady());
        Assert.False(notifier.NotifyWatchdog());
    }

    [Fact]
    public void Notify_SocketPathWithNoListener_ThrowsIOExceptionNamingSocketAndErrno()
    {
        var directory = Directory.CreateTempSubdirectory("gc-notify-").FullName;
        try
        {
            var path = Path.Combine(directory, "absent");
            using var notifier = new SystemdNotifier(path);

            var exception = Assert.Throws<IOException>(() => notifier.NotifyReady());

            Assert.Contains(path, exception.Message, StringComparison.Ordinal);
            Assert.Contains("errno", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Theory]
    [InlineData("relative/notify")]
    [InlineData("@")]
    [InlineData("vsock:2:1234")]
    public void Constructor_UnsupportedAddress_ThrowsArgumentException(string notifySocket)
    {
        Assert.Throws<ArgumentException>(() => new SystemdNotifier(notifySocket));
    }

    [Fact]
    public void Notify_AfterDispose_ThrowsObjectDisposedException()
    {
        using var receiver = NotifySocketReceiver.InTemporaryDirectory();
        var notifier = new SystemdNotifier(receiver.Address);
        notifier.Dispose();

        Assert.Throws<ObjectDisposedException>(() => notifier.NotifyReady());
    }
}
