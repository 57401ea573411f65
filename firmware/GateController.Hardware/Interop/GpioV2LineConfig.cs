using System.Runtime.InteropServices;

namespace GateController.Hardware.Interop;

/// <summary>struct gpio_v2_line_config from &lt;linux/gpio.h&gt;.</summary>
[StructLayout(LayoutKind.Explicit, Size = 272)]
internal unsafe struct GpioV2LineConfig
{
    /// <summary>Byte offset of attrs[] in the C struct.</summary>
    internal const int AttributesOffset = 32;

    [FieldOffset(0)] public ulong Flags;
    [FieldOffset(8)] public uint NumAttributes;
    [FieldOffset(12)] public fixed uint Padding[5];
    [FieldOffset(AttributesOffset)] public fixed byte Attributes[GpioUapi.LineNumAttributesMax * 24];

    /// <summary>Appends an attribute that applies to the request's lines selected by <paramref name="mask"/>.</summary>
    public void AddAttribute(uint id, ulong value, ulong mask)
    {
        if (NumAttributes >= GpioUapi.LineNumAttributesMax)
        {
            throw new InvalidOperationException("a line config holds at most 10 attributes");
        }

        fixed (byte* attributes = Attributes)
        {
            var slot = (GpioV2LineConfigAttribute*)attributes + NumAttributes;
            *slot = default;
            slot->Attribute.Id = id;
            if (id == GpioUapi.LineAttributeIdDebounce)
            {
                slot->Attribute.DebouncePeriodMicroseconds = (uint)value;
            }
            else
            {
                slot->Attribute.Values = value;
            }

            slot->Mask = mask;
        }

        NumAttributes++;
    }
}
