using System.Runtime.InteropServices;

namespace GateController.Hardware.Interop;

/// <summary>struct gpiochip_info from &lt;linux/gpio.h&gt;.</summary>
[StructLayout(LayoutKind.Explicit, Size = 68)]
internal unsafe struct GpioChipInfo
{
    [FieldOffset(0)] public fixed byte Name[GpioUapi.MaxNameSize];
    [FieldOffset(32)] public fixed byte Label[GpioUapi.MaxNameSize];
    [FieldOffset(64)] public uint Lines;
}
