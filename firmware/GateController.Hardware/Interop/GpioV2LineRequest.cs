using System.Runtime.InteropServices;

namespace GateController.Hardware.Interop;

/// <summary>struct gpio_v2_line_request from &lt;linux/gpio.h&gt;; on success the kernel fills <see cref="Fd"/>.</summary>
[StructLayout(LayoutKind.Explicit, Size = 592)]
internal unsafe struct GpioV2LineRequest
{
    [FieldOffset(0)] public fixed uint Offsets[GpioUapi.LinesMax];
    [FieldOffset(256)] public fixed byte Consumer[GpioUapi.MaxNameSize];
    [FieldOffset(288)] public GpioV2LineConfig Config;
    [FieldOffset(560)] public uint NumLines;
    [FieldOffset(564)] public uint EventBufferSize;
    [FieldOffset(568)] public fixed uint Padding[5];
    [FieldOffset(588)] public int Fd;
}
