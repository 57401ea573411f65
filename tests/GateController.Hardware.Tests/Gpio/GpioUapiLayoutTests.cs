using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GateController.Hardware.Interop;

namespace GateController.Hardware.Tests.Gpio;

/// <summary>Compiles a C program against &lt;linux/gpio.h&gt; and compares every size, offset and ioctl number our interop uses.</summary>
public sealed class GpioUapiLayoutTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, ulong>> CValues = new(CompileAndRun);

    public static TheoryData<string, ulong> OurValues()
    {
        var data = new TheoryData<string, ulong>();
        void Size<T>(string c)
            where T : unmanaged => data.Add($"sizeof({c})", (ulong)Unsafe.SizeOf<T>());
        void Offset<T>(string c, string field, string ours) => data.Add($"offsetof({c},{field})", (ulong)Marshal.OffsetOf<T>(ours));

        Size<GpioChipInfo>("struct gpiochip_info");
        Offset<GpioChipInfo>("struct gpiochip_info", "name", nameof(GpioChipInfo.Name));
        Offset<GpioChipInfo>("struct gpiochip_info", "label", nameof(GpioChipInfo.Label));
        Offset<GpioChipInfo>("struct gpiochip_info", "lines", nameof(GpioChipInfo.Lines));

        Size<GpioV2LineValues>("struct gpio_v2_line_values");
        Offset<GpioV2LineValues>("struct gpio_v2_line_values", "bits", nameof(GpioV2LineValues.Bits));
        Offset<GpioV2LineValues>("struct gpio_v2_line_values", "mask", nameof(GpioV2LineValues.Mask));

        Size<GpioV2LineAttribute>("struct gpio_v2_line_attribute");
        Offset<GpioV2LineAttribute>("struct gpio_v2_line_attribute", "id", nameof(GpioV2LineAttribute.Id));
        Offset<GpioV2LineAttribute>("struct gpio_v2_line_attribute", "padding", nameof(GpioV2LineAttribute.Padding));
        Offset<GpioV2LineAttribute>("struct gpio_v2_line_attribute", "flags", nameof(GpioV2LineAttribute.Flags));
        Offset<GpioV2LineAttribute>("struct gpio_v2_line_attribute", "values", nameof(GpioV2LineAttribute.Values));
        Offset<GpioV2LineAttribute>("struct gpio_v2_line_attribute", "debounce_period_us", nameof(GpioV2LineAttribute.DebouncePeriodMicroseconds));

        Size<GpioV2LineConfigAttribute>("struct gpio_v2_line_config_attribute");
        Offset<GpioV2LineConfigAttribute>("struct gpio_v2_line_config_attribute", "attr", nameof(GpioV2LineConfigAttribute.Attribute));
        Offset<GpioV2LineConfigAttribute>("struct gpio_v2_line_config_attribute", "mask", nameof(GpioV2LineConfigAttribute.Mask));

        Size<GpioV2LineConfig>("struct gpio_v2_line_config");
        Offset<GpioV2LineConfig>("struct gpio_v2_line_config", "flags", nameof(GpioV2LineConfig.Flags));
        Offset<GpioV2LineConfig>("struct gpio_v2_line_config", "num_attrs", nameof(GpioV2LineConfig.NumAttributes));
        Offset<GpioV2LineConfig>("struct gpio_v2_line_config", "padding", nameof(GpioV2LineConfig.Padding));
        Offset<GpioV2LineConfig>("struct gpio_v2_line_config", "attrs", nameof(GpioV2LineConfig.Attributes));

        Size<GpioV2LineRequest>("struct gpio_v2_line_request");
        Offset<GpioV2LineRequest>("struct gpio_v2_line_request", "offsets", nameof(GpioV2LineRequest.Offsets));
        Offset<GpioV2LineRequest>("struct gpio_v2_line_request", "consumer", nameof(GpioV2LineRequest.Consumer));
        Offset<GpioV2LineRequest>("struct gpio_v2_line_request", "config", nameof(GpioV2LineRequest.Config));
        Offset<GpioV2LineRequest>("struct gpio_v2_line_request", "num_lines", nameof(GpioV2LineRequest.NumLines));
        Offset<GpioV2LineRequest>("struct gpio_v2_line_request", "event_buffer_size", nameof(GpioV2LineRequest.EventBufferSize));
        Offset<GpioV2LineRequest>("struct gpio_v2_line_request", "padding", nameof(GpioV2LineRequest.Padding));
        Offset<GpioV2LineRequest>("struct gpio_v2_line_request", "fd", nameof(GpioV2LineRequest.Fd));

        Size<GpioV2LineInfo>("struct gpio_v2_line_info");
        Offset<GpioV2LineInfo>("struct gpio_v2_line_info", "name", nameof(GpioV2LineInfo.Name));
        Offset<GpioV2LineInfo>("struct gpio_v2_line_info", "consumer", nameof(GpioV2LineInfo.Consumer));
        Offset<GpioV2LineInfo>("struct gpio_v2_line_info", "offset", nameof(GpioV2LineInfo.Offset));
        Offset<GpioV2LineInfo>("struct gpio_v2_line_info", "num_attrs", nameof(GpioV2LineInfo.NumAttributes));
        Offset<GpioV2LineInfo>("struct gpio_v2_line_info", "flags", nameof(GpioV2LineInfo.Flags));
        Offset<GpioV2LineInfo>("struct gpio_v2_line_info", "attrs", nameof(GpioV2LineInfo.Attributes));
        Offset<GpioV2LineInfo>("struct gpio_v2_line_info", "padding", nameof(GpioV2LineInfo.Padding));

        Size<GpioV2LineEvent>("struct gpio_v2_line_event");
        Offset<GpioV2LineEvent>("struct gpio_v2_line_event", "timestamp_ns", nameof(GpioV2LineEvent.TimestampNanoseconds));
        Offset<GpioV2LineEvent>("struct gpio_v2_line_event", "id", nameof(GpioV2LineEvent.Id));
        Offset<GpioV2LineEvent>("struct gpio_v2_line_event", "offset", nameof(GpioV2LineEvent.Offset));
        Offset<GpioV2LineEvent>("struct gpio_v2_line_event", "seqno", nameof(GpioV2LineEvent.SequenceNumber));
        Offset<GpioV2LineEvent>("struct gpio_v2_line_event", "line_seqno", nameof(GpioV2LineEvent.LineSequenceNumber));
        Offset<GpioV2LineEvent>("struct gpio_v2_line_event", "padding", nameof(GpioV2LineEvent.Padding));

        Size<PollFd>("struct pollfd");
        Offset<PollFd>("struct pollfd", "fd", nameof(PollFd.Fd));
        Offset<PollFd>("struct pollfd", "events", nameof(PollFd.Events));
        Offset<PollFd>("struct pollfd", "revents", nameof(PollFd.REvents));
        Size<TimeSpec>("struct timespec");
        Offset<TimeSpec>("struct timespec", "tv_nsec", nameof(TimeSpec.Nanoseconds));

        data.Add("GPIO_GET_CHIPINFO_IOCTL", GpioUapi.GetChipInfo);
        data.Add("GPIO_V2_GET_LINEINFO_IOCTL", GpioUapi.GetLineInfo);
        data.Add("GPIO_V2_GET_LINE_IOCTL", GpioUapi.GetLine);
        data.Add("GPIO_V2_LINE_SET_CONFIG_IOCTL", GpioUapi.LineSetConfig);
        data.Add("GPIO_V2_LINE_GET_VALUES_IOCTL", GpioUapi.LineGetValues);
        data.Add("GPIO_V2_LINE_SET_VALUES_IOCTL", GpioUapi.LineSetValues);

        data.Add("GPIO_MAX_NAME_SIZE", GpioUapi.MaxNameSize);
        data.Add("GPIO_V2_LINES_MAX", GpioUapi.LinesMax);
        data.Add("GPIO_V2_LINE_NUM_ATTRS_MAX", GpioUapi.LineNumAttributesMax);
        data.Add("GPIO_V2_LINE_FLAG_USED", GpioUapi.LineFlagUsed);
        data.Add("GPIO_V2_LINE_FLAG_ACTIVE_LOW", GpioUapi.LineFlagActiveLow);
        data.Add("GPIO_V2_LINE_FLAG_INPUT", GpioUapi.LineFlagInput);
        data.Add("GPIO_V2_LINE_FLAG_OUTPUT", GpioUapi.LineFlagOutput);
        data.Add("GPIO_V2_LINE_FLAG_EDGE_RISING", GpioUapi.LineFlagEdgeRising);
        data.Add("GPIO_V2_LINE_FLAG_EDGE_FALLING", GpioUapi.LineFlagEdgeFalling);
        data.Add("GPIO_V2_LINE_FLAG_OPEN_DRAIN", GpioUapi.LineFlagOpenDrain);
        data.Add("GPIO_V2_LINE_FLAG_OPEN_SOURCE", GpioUapi.LineFlagOpenSource);
        data.Add("GPIO_V2_LINE_FLAG_BIAS_PULL_UP", GpioUapi.LineFlagBiasPullUp);
        data.Add("GPIO_V2_LINE_FLAG_BIAS_PULL_DOWN", GpioUapi.LineFlagBiasPullDown);
        data.Add("GPIO_V2_LINE_FLAG_BIAS_DISABLED", GpioUapi.LineFlagBiasDisabled);
        data.Add("GPIO_V2_LINE_FLAG_EVENT_CLOCK_REALTIME", GpioUapi.LineFlagEventClockRealtime);
        data.Add("GPIO_V2_LINE_ATTR_ID_FLAGS", GpioUapi.LineAttributeIdFlags);
        data.Add("GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES", GpioUapi.LineAttributeIdOutputValues);
        data.Add("GPIO_V2_LINE_ATTR_ID_DEBOUNCE", GpioUapi.LineAttributeIdDebounce);
        data.Add("GPIO_V2_LINE_EVENT_RISING_EDGE", GpioUapi.LineEventRisingEdge);
        data.Add("GPIO_V2_LINE_EVENT_FALLING_EDGE", GpioUapi.LineEventFallingEdge);
        data.Add("O_NONBLOCK", Libc.O_NONBLOCK);
        data.Add("O_CLOEXEC", Libc.O_CLOEXEC);
        data.Add("O_RDWR", Libc.O_RDWR);
        data.Add("POLLIN", (ulong)Libc.POLLIN);
        data.Add("CLOCK_MONOTONIC", Libc.CLOCK_MONOTONIC);
        data.Add("F_GETFD", Libc.F_GETFD);
        data.Add("O_RDONLY", Libc.O_RDONLY);
        data.Add("POLLERR", (ulong)Libc.POLLERR);
        data.Add("POLLHUP", (ulong)Libc.POLLHUP);
        data.Add("POLLNVAL", (ulong)Libc.POLLNVAL);
        data.Add("EAGAIN", Errno.EAGAIN);
        data.Add("EINTR", Errno.EINTR);
        data.Add("ENOENT", Errno.ENOENT);
        data.Add("ENODEV", Errno.ENODEV);
        data.Add("EINVAL", Errno.EINVAL);
        data.Add("ENOTTY", Errno.ENOTTY);
        return data;
    }

    [Theory]
    [MemberData(nameof(OurValues))]
    public void LayoutOrConstant_ComparedWithLinuxHeaders_IsIdentical(string cExpression, ulong ours)
    {
        Assert.True(CValues.Value.TryGetValue(cExpression, out var fromC), $"the C program does not print {cExpression}");
        Assert.Equal(fromC, ours);
    }

    [Fact]
    public void CProgram_PrintsEveryValueWeCompare_NoneMissing()
    {
        var ours = OurValues().Select(row => (string)row[0]).ToHashSet();
        Assert.Equal(ours.Order(StringComparer.Ordinal), CValues.Value.Keys.Order(StringComparer.Ordinal));
    }

    private static Dictionary<string, ulong> CompileAndRun()
    {
        var lines = OurValues().Select(row => (string)row[0]).Select(e => $"    printf(\"%s=%llu\\n\", \"{e}\", (unsigned long long)({Translate(e)}));");
        var source = string.Join('\n', [
            "#define _GNU_SOURCE",
            "#include <stdio.h>",
            "#include <stddef.h>",
            "#include <fcntl.h>",
            "#include <errno.h>",
            "#include <poll.h>",
            "#include <time.h>",
            "#include <linux/gpio.h>",
            "int main(void) {",
            .. lines,
            "    return 0;",
            "}",
            string.Empty,
        ]);
        return CHeaderProbe.ParseValues<ulong>(CHeaderProbe.CompileAndRun(source, "-std=c11", "-Wall", "-Werror"));
    }

    private static string Translate(string expression)
    {
        if (expression.StartsWith("offsetof(", StringComparison.Ordinal))
        {
            var inner = expression["offsetof(".Length..^1].Split(',');
            return $"offsetof({inner[0]}, {inner[1]})";
        }

        return expression;
    }
}
