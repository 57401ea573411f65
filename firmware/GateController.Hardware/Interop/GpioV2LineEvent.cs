using System.Runtime.InteropServices;

namespace GateController.Hardware.Interop;

/// <summary>struct gpio_v2_line_event from &lt;linux/gpio.h&gt;, read() from a line request fd.</summary>
[StructLayout(LayoutKind.Explicit, Size = 48)]
internal unsafe struct GpioV2LineEvent
{
    /// <summary>The kernel's timestamp of the edge in nanoseconds (CLOCK_MONOTONIC unless another clock was requested).</summary>
    [FieldOffset(0)] public ulong TimestampNanoseconds;
    [FieldOffset(8)] public uint Id;
    [FieldOffset(12)] public uint Offset;
    [FieldOffset(16)] public uint SequenceNumber;
    [FieldOffset(20)] public uint LineSequenceNumber;
    [FieldOffset(24)] public fixed uint Padding[6];
}
