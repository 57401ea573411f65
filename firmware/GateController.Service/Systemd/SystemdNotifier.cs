using System.Net.Sockets;
using System.Text;

namespace GateController.Service.Systemd;

/// <summary>
/// Writes sd_notify datagrams straight to the service manager's socket ($NOTIFY_SOCKET): a filesystem path, or a
/// name in the abstract namespace when it starts with '@'. Without a socket every call does nothing.
/// </summary>
public sealed class SystemdNotifier : ISystemdNotifier, IDisposable
{
    /// <summary>The environment variable the service manager sets to its notification socket.</summary>
    public const string NotifySocketVariable = "NOTIFY_SOCKET";

    private readonly Lock _gate = new();
    private readonly UnixDomainSocketEndPoint? _endPoint;
    private Socket? _socket;
    private bool _disposed;

    /// <summary>Creates a notifier for <paramref name="notifySocket"/>; null or empty gives a notifier that does nothing.</summary>
    /// <param name="notifySocket">An absolute socket path, or '@' followed by an abstract socket name.</param>
    /// <exception cref="ArgumentException"><paramref name="notifySocket"/> is neither an absolute path nor an abstract name.</exception>
    public SystemdNotifier(string? notifySocket)
    {
        if (string.IsNullOrEmpty(notifySocket))
        {
            return;
        }

        SocketAddress = notifySocket;
        if (notifySocket[0] == '@')
        {
            if (notifySocket.Length == 1)
            {
                throw new ArgumentException("The abstract notification socket name is empty.", nameof(notifySocket));
            }

            _endPoint = new UnixDomainSocketEndPoint(string.Concat("\0", notifySocket.AsSpan(1)));
        }
        else if (notifySocket[0] == '/')
        {
            _endPoint = new UnixDomainSocketEndPoint(notifySocket);
        }
        else
        {
            throw new ArgumentException(
                $"{NotifySocketVariable} '{notifySocket}' is neither an absolute path nor an abstract socket name (@name).",
                nameof(notifySocket));
        }
    }

    /// <summary>The socket address as given ('@' for the abstract namespace); null when disabled.</summary>
    public string? SocketAddress { get; }

    /// <inheritdoc />
    public bool IsEnabled => _endPoint is not null;

    /// <summary>Creates a notifier from $NOTIFY_SOCKET of this process.</summary>
    public static SystemdNotifier FromEnvironment() => new(Environment.GetEnvironmentVariable(NotifySocketVariable));

    /// <inheritdoc />
    public bool Notify(string state)
    {
        ArgumentException.ThrowIfNullOrEmpty(state);
        if (_endPoint is null)
        {
            return false;
        }

        var datagram = Encoding.UTF8.GetBytes(state);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                _socket ??= new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
                var sent = _socket.SendTo(datagram, SocketFlags.None, _endPoint);
                if (sent != datagram.Length)
                {
                    throw new IOException($"sd_notify to '{SocketAddress}': sent {sent} of {datagram.Length} bytes");
                }
            }
            catch (SocketException exception)
            {
                throw new IOException(
                    $"sd_notify to '{SocketAddress}' failed: {exception.SocketErrorCode} (errno {exception.NativeErrorCode})",
                    exception);
            }
        }

        return true;
    }

    /// <summary>Sends READY=1: the door path is live.</summary>
    public bool NotifyReady() => Notify(SystemdNotifyState.Ready);

    /// <summary>Sends STATUS=<paramref name="text"/>.</summary>
    public bool NotifyStatus(string text) => Notify(SystemdNotifyState.Status(text));

    /// <summary>Sends WATCHDOG=1.</summary>
    public bool NotifyWatchdog() => Notify(SystemdNotifyState.Watchdog);

    /// <summary>Sends STOPPING=1.</summary>
    public bool NotifyStopping() => Notify(SystemdNotifyState.Stopping);

    /// <summary>Sends MAINPID=<paramref name="processId"/>.</summary>
    public bool NotifyMainProcessId(int processId) => Notify(SystemdNotifyState.MainProcessId(processId));

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _socket?.Dispose();
            _socket = null;
        }
    }
}
