namespace GateController.Hardware.Interop;

/// <summary>Constants and ioctl request numbers of the Linux GPIO character device uAPI v2 (&lt;linux/gpio.h&gt;).</summary>
internal static unsafe class GpioUapi
{
    internal const int MaxNameSize = 32;
    internal const int LinesMax = 64;
    internal const int LineNumAttributesMax = 10;

    internal const ulong LineFlagUsed = 1UL << 0;
    internal const ulong LineFlagActiveLow = 1UL << 1;
    internal const ulong LineFlagInput = 1UL << 2;
    internal const ulong LineFlagOutput = 1UL << 3;
    internal const ulong LineFlagEdgeRising = 1UL << 4;
    internal const ulong LineFlagEdgeFalling = 1UL << 5;
    internal const ulong LineFlagOpenDrain = 1UL << 6;
    internal const ulong LineFlagOpenSource = 1UL << 7;
    internal const ulong LineFlagBiasPullUp = 1UL << 8;
    internal const ulong LineFlagBiasPullDown = 1UL << 9;
    internal const ulong LineFlagBiasDisabled = 1UL << 10;
    internal const ulong LineFlagEventClockRealtime = 1UL << 11;

    internal const uint LineAttributeIdFlags = 1;
    internal const uint LineAttributeIdOutputValues = 2;
    internal const uint LineAttributeIdDebounce = 3;

    internal const uint LineEventRisingEdge = 1;
    internal const uint LineEventFallingEdge = 2;

    private const uint Magic = 0xB4;

    /// <summary>GPIO_GET_CHIPINFO_IOCTL = _IOR(0xB4, 0x01, struct gpiochip_info).</summary>
    internal static readonly nuint GetChipInfo = IoctlNumber.Read(Magic, 0x01, (uint)sizeof(GpioChipInfo));

    /// <summary>GPIO_V2_GET_LINEINFO_IOCTL = _IOWR(0xB4, 0x05, struct gpio_v2_line_info).</summary>
    internal static readonly nuint GetLineInfo = IoctlNumber.ReadWrite(Magic, 0x05, (uint)sizeof(GpioV2LineInfo));

    /// <summary>GPIO_V2_GET_LINE_IOCTL = _IOWR(0xB4, 0x07, struct gpio_v2_line_request).</summary>
    internal static readonly nuint GetLine = IoctlNumber.ReadWrite(Magic, 0x07, (uint)sizeof(GpioV2LineRequest));

    /// <summary>GPIO_V2_LINE_SET_CONFIG_IOCTL = _IOWR(0xB4, 0x0D, struct gpio_v2_line_config).</summary>
    internal static readonly nuint LineSetConfig = IoctlNumber.ReadWrite(Magic, 0x0D, (uint)sizeof(GpioV2LineConfig));

    /// <summary>GPIO_V2_LINE_GET_VALUES_IOCTL = _IOWR(0xB4, 0x0E, struct gpio_v2_line_values).</summary>
    internal static readonly nuint LineGetValues = IoctlNumber.ReadWrite(Magic, 0x0E, (uint)sizeof(GpioV2LineValues));

    /// <summary>GPIO_V2_LINE_SET_VALUES_IOCTL = _IOWR(0xB4, 0x0F, struct gpio_v2_line_values).</summary>
    internal static readonly nuint LineSetValues = IoctlNumber.ReadWrite(Magic, 0x0F, (uint)sizeof(GpioV2LineValues));
}
