using System.Runtime.InteropServices;

namespace GateController.Hardware.Interop;

/// <summary>struct gpio_v2_line_attribute from &lt;linux/gpio.h&gt;; the union is flags, values or debounce_period_us.</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
internal struct GpioV2LineAttribute
{
    [FieldOffset(0)] public uint Id;
    [FieldOffset(4)] public uint Padding;
    [FieldOffset(8)] public ulong Flags;
    [FieldOffset(8)] public ulong Values;
    [FieldOffset(8)] public uint DebouncePeriodMicroseconds;
}
