using System.Net.Sockets;
using System.Text;

namespace GateController.Service.Tests.Systemd;

/// <summary>A bound Unix datagram socket standing in for the service manager's notification socket.</summary>
internal sealed class NotifySocketReceiver : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly string? _directory;

    private NotifySocketReceiver(string address, string? directory, UnixDomainSocketEndPoint endPoint)
    {
        Address = address;
        _directory = directory;
        _socket.Bind(endPoint);
    }

    /// <summary>The address as $NOTIFY_SOCKET would give it.</summary>
    public string Address { get; }

    public static NotifySocketReceiver InTemporaryDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("gc-notify-").FullName;
        var path = Path.Combine(directory, "notify");
        return new NotifySocketReceiver(path, directory, new UnixDomainSocketEndPoint(path));
    }

    public static NotifySocketReceiver InAbstractNamespace()
    {
        var name = "gatecontroller-test-" + Guid.NewGuid().ToString("N");
        return new NotifySocketReceiver("@" + name, null, new UnixDomainSocketEndPoint("\0" + name));
    }

    /// <summary>Every datagram already queued, without waiting.</summary>
    public IReadOnlyList<string> ReceiveQueued()
    {
        var messages = new List<string>();
        var buffer = new byte[4096];
        while (_socket.Poll(0, SelectMode.SelectRead))
        {
            var length = _socket.Receive(buffer);
            messages.Add(Encoding.UTF8.GetString(buffer, 0, length));
        }

        return messages;
    }

    /// <summary>Waits for a datagram containing <paramref name="expected"/>; returns every datagram received until then.</summary>
    public async Task<IReadOnlyList<string>> WaitForAsync(string expected, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var messages = new List<string>();
        var buffer = new byte[4096];
        while (true)
        {
            var length = await _socket.ReceiveAsync(buffer, SocketFlags.None, cancel.Token);
            var message = Encoding.UTF8.GetString(buffer, 0, length);
            messages.Add(message);
            if (message.Contains(expected, StringComparison.Ordinal))
            {
                return messages;
            }
        }
    }

    public void Dispose()
    {
        _socket.Dispose();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
