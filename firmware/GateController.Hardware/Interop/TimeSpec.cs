using System.Runtime.InteropServices;

namespace GateController.Hardware.Interop;

/// <summary>struct timespec from &lt;time.h&gt; on LP64 Linux (x64, arm64).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct TimeSpec
{
    public nint Seconds;
    public nint Nanoseconds;
}
