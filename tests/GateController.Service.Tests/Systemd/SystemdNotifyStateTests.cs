using GateController.Service.Systemd;

namespace GateController.Service.Tests.Systemd;

public sealed class SystemdNotifyStateTests
{
    [Theory]
    [InlineData("ready", "STATUS=ready")]
    [InlineData("", "STATUS=")]
    [InlineData("camera gone; door path live", "STATUS=camera gone; door path live")]
    public void Status_OneLine_PrefixesStatus(string text, string expected)
    {
        Assert.Equal(expected, SystemdNotifyState.Status(text));
    }

    [Theory]
    [InlineData("two\nlines")]
    [InlineData("carriage\rreturn")]
    [InlineData("nul\0byte")]
    public void Status_LineBreakOrNul_ThrowsArgumentException(string text)
    {
        Assert.Throws<ArgumentException>(() => SystemdNotifyState.Status(text));
    }

    [Theory]
    [InlineData(1, "MAINPID=1")]
    [InlineData(123456, "MAINPID=123456")]
    public void MainProcessId_Positive_FormatsInvariant(int processId, string expected)
    {
        Assert.Equal(expected, SystemdNotifyState.MainProcessId(processId));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void MainProcessId_NotPositive_Throws(int processId)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SystemdNotifyState.MainProcessId(processId));
    }
}
