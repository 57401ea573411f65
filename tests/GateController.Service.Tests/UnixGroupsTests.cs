using GateController.Service.Admin;

namespace GateController.Service.Tests;

public sealed class UnixGroupsTests : IDisposable
{
    private readonly string _groupFile = Path.GetTempFileName();

    [Theory]
    [InlineData("gatecontroller", 996)]
    [InlineData("root", 0)]
    [InlineData("1234", 1234)]
    [InlineData("gatecontrol", null)]
    [InlineData("nobody-here", null)]
    public void FindGroupId_GroupFile_NameOrNumber(string group, int? expected)
    {
        File.WriteAllLines(_groupFile, ["root:x:0:", "broken-line", "gatecontroller:x:996:wang,li", "users:x:100:"]);

        Assert.Equal(expected, UnixGroups.FindGroupId(group, _groupFile));
    }

    [Fact]
    public void ChangeGroup_UnknownGroup_IOExceptionNamingGroupAndPath()
    {
        var ex = Assert.Throws<IOException>(() => UnixGroups.ChangeGroup(_groupFile, "no-such-group", _groupFile));

        Assert.Contains("no-such-group", ex.Message, StringComparison.Ordinal);
        Assert.Contains(_groupFile, ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_groupFile);
}
