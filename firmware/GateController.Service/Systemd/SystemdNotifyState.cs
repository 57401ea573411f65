using System.Globalization;

namespace GateController.Service.Systemd;

/// <summary>The sd_notify state lines the service sends.</summary>
public static class SystemdNotifyState
{
    /// <summary>Start-up is finished: the door path is live.</summary>
    public const string Ready = "READY=1";

    /// <summary>The service is alive; resets the watchdog timer.</summary>
    public const string Watchdog = "WATCHDOG=1";

    /// <summary>The service is beginning its shutdown.</summary>
    public const string Stopping = "STOPPING=1";

    /// <summary>A free-form one-line status shown by <c>systemctl status</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> holds a line break or a NUL character.</exception>
    public static string Status(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAny('\n', '\r', '\0') >= 0)
        {
            throw new ArgumentException("A status must be one line without NUL characters.", nameof(text));
        }

        return "STATUS=" + text;
    }

    /// <summary>The main process of the service is <paramref name="processId"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="processId"/> is not positive.</exception>
    public static string MainProcessId(int processId)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(processId);
        return "MAINPID=" + processId.ToString(CultureInfo.InvariantCulture);
    }
}
