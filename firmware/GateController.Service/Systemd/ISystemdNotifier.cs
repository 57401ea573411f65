namespace GateController.Service.Systemd;

/// <summary>Sends sd_notify state lines to the service manager.</summary>
public interface ISystemdNotifier
{
    /// <summary>True when a notification socket is configured; when false every call does nothing.</summary>
    bool IsEnabled { get; }

    /// <summary>
    /// Sends one datagram holding <paramref name="state"/> (one or more "NAME=value" lines separated by '\n').
    /// Returns false without sending when no notification socket is configured.
    /// </summary>
    /// <exception cref="IOException">The datagram could not be sent; the message names the socket and the errno.</exception>
    bool Notify(string state);
}
