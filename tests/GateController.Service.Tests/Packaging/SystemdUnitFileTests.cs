namespace GateController.Service.Tests.Packaging;

public sealed class SystemdUnitFileTests
{
    private static readonly UnitFile Unit = UnitFile.Parse(File.ReadAllText(RepositoryLayout.Combine("firmware", "packaging", "gatecontroller.service")));

    [Theory]
    [InlineData("Type", "notify")]
    [InlineData("NotifyAccess", "main")]
    [InlineData("ExecStart", "/usr/lib/gatecontroller/gatecontrollerd --config /etc/gatecontroller/gatecontroller.json")]
    [InlineData("ExecReload", "/bin/kill -HUP $MAINPID")]
    [InlineData("Restart", "always")]
    [InlineData("WatchdogSec", "10")]
    [InlineData("User", "gatecontroller")]
    [InlineData("Group", "gatecontroller")]
    [InlineData("SupplementaryGroups", "gpio spi input video")]
    [InlineData("ProtectSystem", "strict")]
    [InlineData("ProtectHome", "yes")]
    [InlineData("NoNewPrivileges", "yes")]
    [InlineData("PrivateTmp", "yes")]
    [InlineData("DevicePolicy", "closed")]
    [InlineData("ReadWritePaths", "/var/lib/gatecontroller")]
    [InlineData("RuntimeDirectory", "gatecontroller")]
    [InlineData("StateDirectory", "gatecontroller")]
    [InlineData("StateDirectoryMode", "0750")]
    [InlineData("RestartPreventExitStatus", "78")]
    public void Service_Setting_HasExactlyTheExpectedValue(string key, string expected)
    {
        Assert.Equal(expected, Unit.Single("Service", key));
    }

    [Theory]
    [InlineData("char-gpiochip rw")]
    [InlineData("char-spi rw")]
    [InlineData("char-input r")]
    [InlineData("char-video4linux rw")]
    public void Service_DeviceAllow_AllowsTheGateDevices(string expected)
    {
        Assert.Contains(expected, Unit.Values("Service", "DeviceAllow"));
    }

    [Fact]
    public void Service_DeviceAllow_AllowsNothingElse()
    {
        Assert.Equal(4, Unit.Values("Service", "DeviceAllow").Count);
    }

    [Fact]
    public void Service_MemoryDenyWriteExecute_IsAbsentBecauseTheRuntimeJits()
    {
        Assert.Empty(Unit.Values("Service", "MemoryDenyWriteExecute"));
    }

    [Fact]
    public void Install_WantedBy_IsMultiUser()
    {
        Assert.Equal("multi-user.target", Unit.Single("Install", "WantedBy"));
    }
}
