using System.Runtime.InteropServices;

namespace GateController.Hardware.Interop;

/// <summary>struct gpio_v2_line_info from &lt;linux/gpio.h&gt;.</summary>
[StructLayout(LayoutKind.Explicit, Size = 256)]
internal unsafe struct GpioV2LineInfo
{
    [FieldOffset(0)] public fixed byte Name[GpioUapi.MaxNameSize];
    [FieldOffset(32)] public fixed byte Consumer[GpioUapi.MaxNameSize];
    [FieldOffset(64)] public uint Offset;
    [FieldOffset(68)] public uint NumAttributes;
    [FieldOffset(72)] public ulong Flags;
    [FieldOffset(80)] public fixed byte Attributes[GpioUapi.LineNumAttributesMax * 16];
    [FieldOffset(240)] public fixed uint Padding[4];
}
