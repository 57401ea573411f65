using System.Runtime.InteropServices;
using GateController.Telemetry.Health.Interop;

namespace GateController.Telemetry.Health;

/// <summary>Whether the kernel clock is synchronised (by NTP), read with <c>adjtimex(2)</c> without changing it.</summary>
public static class NtpClockState
{
    /// <summary>
    /// Reads the kernel clock state: true when synchronised, false when <c>STA_UNSYNC</c> is set.
    /// Throws <see cref="IOException"/> naming errno when adjtimex fails.
    /// </summary>
    public static unsafe bool ReadSynchronized()
    {
        var timex = default(TimexNative);
        var state = HealthLibc.Adjtimex(&timex);
        if (state < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"adjtimex failed: errno {errno} ({Marshal.GetPInvokeErrorMessage(errno)})");
        }

        return IsSynchronized(timex.Status, state);
    }

    /// <summary>Interprets a timex status word and adjtimex's return value: unsynchronised when STA_UNSYNC is set or the state is TIME_ERROR.</summary>
    public static bool IsSynchronized(int status, int clockState) =>
        (status & HealthLibc.STA_UNSYNC) == 0 && clockState != HealthLibc.TIME_ERROR;
}
