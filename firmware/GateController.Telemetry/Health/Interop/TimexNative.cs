using System.Runtime.InteropServices;

namespace GateController.Telemetry.Health.Interop;

/// <summary>
/// <c>struct timex</c> from &lt;sys/timex.h&gt; (glibc, 64-bit Linux), read with <c>modes = 0</c> so nothing is
/// changed. Layout is checked against the header by a compiled probe in the tests.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct TimexNative
{
    /// <summary>Mode selector; zero reads only.</summary>
    public uint Modes;

    /// <summary>Time offset.</summary>
    public nint Offset;

    /// <summary>Frequency offset.</summary>
    public nint Frequency;

    /// <summary>Maximum error, microseconds.</summary>
    public nint MaximumError;

    /// <summary>Estimated error, microseconds.</summary>
    public nint EstimatedError;

    /// <summary>Clock status bits (<c>STA_*</c>).</summary>
    public int Status;

    /// <summary>PLL time constant.</summary>
    public nint Constant;

    /// <summary>Clock precision, microseconds.</summary>
    public nint Precision;

    /// <summary>Clock frequency tolerance.</summary>
    public nint Tolerance;

    /// <summary>Current time, seconds (<c>time.tv_sec</c>).</summary>
    public nint TimeSeconds;

    /// <summary>Current time, microseconds (<c>time.tv_usec</c>).</summary>
    public nint TimeMicroseconds;

    /// <summary>Microseconds between clock ticks.</summary>
    public nint Tick;

    /// <summary>PPS frequency.</summary>
    public nint PpsFrequency;

    /// <summary>PPS jitter.</summary>
    public nint Jitter;

    /// <summary>PPS interval duration.</summary>
    public int Shift;

    /// <summary>PPS stability.</summary>
    public nint Stability;

    /// <summary>PPS jitter limit exceeded count.</summary>
    public nint JitterCount;

    /// <summary>PPS calibration intervals.</summary>
    public nint CalibrationCount;

    /// <summary>PPS calibration errors.</summary>
    public nint ErrorCount;

    /// <summary>PPS stability limit exceeded count.</summary>
    public nint StabilityCount;

    /// <summary>TAI offset.</summary>
    public int Tai;

    /// <summary>Reserved (<c>int :32</c> ×11).</summary>
    public fixed int Padding[11];
}
