using System.Runtime.InteropServices;

namespace GateController.Hardware.Interop;

/// <summary>struct gpio_v2_line_config_attribute from &lt;linux/gpio.h&gt;.</summary>
[StructLayout(LayoutKind.Explicit, Size = 24)]
internal struct GpioV2LineConfigAttribute
{
    [FieldOffset(0)] public GpioV2LineAttribute Attribute;
    [FieldOffset(16)] public ulong Mask;
}
