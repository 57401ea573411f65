using System.Runtime.InteropServices;

namespace GateController.Hardware.Interop;

/// <summary>struct gpio_v2_line_values from &lt;linux/gpio.h&gt;: bit i is the line at index i of the request.</summary>
[StructLayout(LayoutKind.Explicit, Size = 16)]
internal struct GpioV2LineValues
{
    [FieldOffset(0)] public ulong Bits;
    [FieldOffset(8)] public ulong Mask;
}
