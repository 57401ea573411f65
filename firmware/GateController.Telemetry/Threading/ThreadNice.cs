using System.Runtime.InteropServices;
using GateController.Telemetry.Interop;

namespace GateController.Telemetry.Threading;

/// <summary>
/// The Linux nice value of the calling thread alone (not the process). .NET's <see cref="Thread.Priority"/> is not
/// applied on Linux without privileges, but raising a thread's own nice value (lowering its priority) needs none, so
/// background work (telemetry) can yield the CPU to the door path. Elsewhere than Linux these calls do nothing.
/// </summary>
internal static class ThreadNice
{
    /// <summary>The lowest priority (highest nice value) Linux allows.</summary>
    public const int Maximum = 19;

    /// <summary>The kernel's id of the calling thread (its entry in <c>/proc/self/task</c>), or 0 elsewhere than Linux.</summary>
    public static int CurrentThreadId => OperatingSystem.IsLinux() ? ThreadPriorityNative.GetThreadId() : 0;

    /// <summary>The calling thread's nice value (0 elsewhere than Linux).</summary>
    /// <exception cref="IOException">getpriority failed (errno in the message).</exception>
    public static int Current
    {
        get
        {
            if (!OperatingSystem.IsLinux())
            {
                return 0;
            }

            // -1 is a valid nice value, so errno tells failure apart.
            Marshal.SetLastSystemError(0);
            var nice = ThreadPriorityNative.GetPriority(ThreadPriorityNative.PRIO_PROCESS, (uint)ThreadPriorityNative.GetThreadId());
            var errno = Marshal.GetLastSystemError();
            if (nice == -1 && errno != 0)
            {
                throw new IOException($"getpriority of thread {CurrentThreadId} failed: errno {errno} ({Marshal.GetPInvokeErrorMessage(errno)})");
            }

            return nice;
        }
    }

    /// <summary>
    /// Lowers the calling thread's priority to at least <paramref name="nice"/> (0–19). A thread already running at a
    /// higher nice value (e.g. a process started under <c>nice -n 15</c>) keeps it: raising priority would need a
    /// privilege. Returns the nice value the thread runs at afterwards.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="nice"/> is outside 0–19.</exception>
    /// <exception cref="IOException">setpriority failed (errno in the message).</exception>
    public static int LowerCurrentThreadTo(int nice)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nice);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(nice, Maximum);
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }

        var current = Current;
        if (current >= nice)
        {
            return current;
        }

        var threadId = ThreadPriorityNative.GetThreadId();
        if (ThreadPriorityNative.SetPriority(ThreadPriorityNative.PRIO_PROCESS, (uint)threadId, nice) != 0)
        {
            var errno = Marshal.GetLastSystemError();
            throw new IOException($"setpriority of thread {threadId} to nice {nice} failed: errno {errno} ({Marshal.GetPInvokeErrorMessage(errno)})");
        }

        return nice;
    }
}
