using GateController.Hardware.Door;
using GateController.Service.Admin;

namespace GateController.EndToEnd.Tests.Simulation;

/// <summary>The sim commands' argument readers in the admin API.</summary>
public sealed class SimArgumentTests
{
    [Theory]
    [InlineData("1234#")]
    [InlineData("*7#")]
    [InlineData("1")]
    [InlineData("0123456789*#")]
    public void ParseKeys_KeypadKeys_Accepted(string keys) => Assert.Equal(keys, AdminCommandHandler.ParseKeys(keys));

    [Theory]
    [InlineData("12A#", "'A'")]
    [InlineData("12-3", "'-'")]
    [InlineData("١٢", "'١'")]
    public void ParseKeys_OtherCharacters_RefusedNamingTheKey(string keys, string named)
    {
        var problem = Assert.Throws<AdminCommandException>(() => AdminCommandHandler.ParseKeys(keys));
        Assert.Contains(named, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("exit", DoorInputKind.ExitButton)]
    [InlineData("door", DoorInputKind.DoorContact)]
    [InlineData("fire", DoorInputKind.FireAlarm)]
    [InlineData("tamper", DoorInputKind.Tamper)]
    public void ParseInput_Names_Kinds(string text, DoorInputKind expected) => Assert.Equal(expected, AdminCommandHandler.ParseInput(text));

    [Theory]
    [InlineData("Exit")]
    [InlineData("alarm")]
    [InlineData("")]
    public void ParseInput_Unknown_RefusedListingInputs(string text)
    {
        var problem = Assert.Throws<AdminCommandException>(() => AdminCommandHandler.ParseInput(text));
        Assert.Contains("exit, door, fire or tamper", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("none")]
    public void ParseSimulatedPhoto_NoneOrNull_EmptyScene(string? photo) => Assert.Null(AdminCommandHandler.ParseSimulatedPhoto(photo));

    [Fact]
    public void ParseSimulatedPhoto_RelativePath_RefusedAsNotAbsolute()
    {
        var problem = Assert.Throws<AdminCommandException>(() => AdminCommandHandler.ParseSimulatedPhoto("face.jpg"));
        Assert.Contains("absolute path", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseSimulatedPhoto_MissingFile_RefusedNamingIt()
    {
        var path = Path.Combine(Path.GetTempPath(), "gc-" + Guid.NewGuid().ToString("N") + ".jpg");
        var problem = Assert.Throws<AdminCommandException>(() => AdminCommandHandler.ParseSimulatedPhoto(path));
        Assert.Contains(path, problem.Message, StringComparison.Ordinal);
    }
}
