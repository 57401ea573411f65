using System.Runtime.InteropServices;

namespace GateController.Telemetry.Interop;

/// <summary>
/// The libc calls that set a single thread's CPU priority on Linux: <c>gettid(2)</c>, <c>getpriority(2)</c> and
/// <c>setpriority(2)</c>. On Linux, <c>PRIO_PROCESS</c> with a thread id applies to that thread alone.
/// </summary>
internal static partial class ThreadPriorityNative
{
    /// <summary><c>PRIO_PROCESS</c> from &lt;sys/resource.h&gt;.</summary>
    internal const int PRIO_PROCESS = 0;

    private const string LibraryName = "libc";

    [LibraryImport(LibraryName, EntryPoint = "gettid")]
    internal static partial int GetThreadId();

    [LibraryImport(LibraryName, EntryPoint = "getpriority", SetLastError = true)]
    internal static partial int GetPriority(int which, uint who);

    [LibraryImport(LibraryName, EntryPoint = "setpriority", SetLastError = true)]
    internal static partial int SetPriority(int which, uint who, int priority);
}
