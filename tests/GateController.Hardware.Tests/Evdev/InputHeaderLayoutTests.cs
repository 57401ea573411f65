using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GateController.Hardware.Input;
using GateController.Hardware.Interop;
using GateController.Hardware.Tests.Spi;

namespace GateController.Hardware.Tests.Evdev;

public sealed class InputHeaderLayoutTests
{
    [Fact]
    public void InputEvent_Size_MatchesHeader()
    {
        Assert.Equal(SpiInputHeaderProbe.Value("sizeof_input_event"), (ulong)Unsafe.SizeOf<InputEvent>());
        Assert.Equal((ulong)InputEvent.Size, SpiInputHeaderProbe.Value("sizeof_input_event"));
    }

    [Fact]
    public void InputEvent_Write_PlacesFieldsAtHeaderOffsets()
    {
        var bytes = new byte[InputEvent.Size];
        new InputEvent(0x0102030405060708, 0x1112131415161718, 0xA1A2, 0xB1B2, unchecked((int)0xC1C2C3C4)).Write(bytes);

        Assert.Equal(0x0102030405060708, BitConverter.ToInt64(bytes, 0));
        Assert.Equal(0x1112131415161718, BitConverter.ToInt64(bytes, 8));
        Assert.Equal(0xA1A2, BitConverter.ToUInt16(bytes, (int)SpiInputHeaderProbe.Value("offset_type")));
        Assert.Equal(0xB1B2, BitConverter.ToUInt16(bytes, (int)SpiInputHeaderProbe.Value("offset_code")));
        Assert.Equal(0xC1C2C3C4, BitConverter.ToUInt32(bytes, (int)SpiInputHeaderProbe.Value("offset_value")));
    }

    [Fact]
    public void PollFd_Size_MatchesHeader() => Assert.Equal(SpiInputHeaderProbe.Value("sizeof_pollfd"), (ulong)Marshal.SizeOf<PollFd>());

    public static TheoryData<string, ulong> Constants => new()
    {
        { "EVIOCGRAB", Libc.EVIOCGRAB },
        { "EV_KEY", InputEventCodes.EventKey },
        { "KEY_1", InputEventCodes.Key1 },
        { "KEY_0", InputEventCodes.Key0 },
        { "KEY_A", InputEventCodes.KeyA },
        { "KEY_B", InputEventCodes.KeyB },
        { "KEY_C", InputEventCodes.KeyC },
        { "KEY_D", InputEventCodes.KeyD },
        { "KEY_E", InputEventCodes.KeyE },
        { "KEY_F", InputEventCodes.KeyF },
        { "KEY_ENTER", InputEventCodes.KeyEnter },
        { "KEY_KPENTER", InputEventCodes.KeyKeypadEnter },
        { "KEY_LEFTSHIFT", InputEventCodes.KeyLeftShift },
        { "KEY_RIGHTSHIFT", InputEventCodes.KeyRightShift },
        { "KEY_SPACE", InputEventCodes.KeySpace },
        { "KEY_KP0", InputEventCodes.KeyKeypad0 },
        { "KEY_KP1", InputEventCodes.KeyKeypad1 },
        { "KEY_KP5", InputEventCodes.KeyKeypad5 },
        { "KEY_KP9", InputEventCodes.KeyKeypad9 },
        { "O_RDONLY", Libc.O_RDONLY },
        { "O_NONBLOCK", Libc.O_NONBLOCK },
        { "O_CLOEXEC", Libc.O_CLOEXEC },
        { "POLLIN", (ulong)Libc.POLLIN },
        { "POLLERR", (ulong)Libc.POLLERR },
        { "POLLHUP", (ulong)Libc.POLLHUP },
        { "POLLNVAL", (ulong)Libc.POLLNVAL },
    };

    [Theory]
    [MemberData(nameof(Constants))]
    public void Constant_MatchesHeader(string name, ulong ours) => Assert.Equal(SpiInputHeaderProbe.Value(name), ours);
}
