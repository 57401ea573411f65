using System.Text.Json.Nodes;
using GateController.Cli;
using GateController.Service.Simulation;

namespace GateController.EndToEnd.Tests.Simulation;

/// <summary>gatectl sim … through the real admin socket to a recording simulated board.</summary>
public sealed class SimCommandTests : IAsyncLifetime
{
    private const string O = "--operator";

    private static readonly SimulatedBoardState OpenBoard = new(true, true, false, "Granted", false, false, false);

    private SimulatedUnit _unit = null!;

    private FakeSimulationControl Board => _unit.Board!;

    public Task InitializeAsync()
    {
        _unit = new SimulatedUnit();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _unit.DisposeAsync();

    [Fact]
    public async Task SimCard_Granted_TapsUidInFormatAndPrintsDecisionDoorAndBoard()
    {
        Board.NextStep = new([new SimulatedDecision("card", true, "granted", "R0001")], ["Unlocked"], OpenBoard);

        var (status, output, error) = await _unit.GatectlAsync("sim", "card", "2A3039", O, SimulatedUnit.Installer);

        Assert.True(status == 0, error);
        Assert.Equal(["card Wiegand26 2A3039"], Board.Actions);
        Assert.Equal(
            [
                "decision:  card granted (granted) resident R0001",
                "door:      Unlocked",
                "board:     lock released, green on, red off, buzzer Granted, door closed, fire alarm off, tamper off",
            ],
            Lines(output));
    }

    [Fact]
    public async Task SimCard_Format_PassedToBoard()
    {
        var (status, _, error) = await _unit.GatectlAsync("sim", "card", "04A1B2C3", "--format", "mifare", O, SimulatedUnit.Installer);

        Assert.True(status == 0, error);
        Assert.Equal(["card Mifare 04A1B2C3"], Board.Actions);
    }

    [Fact]
    public async Task SimKeys_Json_DecisionsDoorEventsAndBoard()
    {
        Board.NextStep = new(
            [new SimulatedDecision("pin", false, "wrong-pin", null), new SimulatedDecision("pin", false, "locked-out", null)], [], FakeSimulationControl.IdleBoard);

        var (status, output, error) = await _unit.GatectlAsync("sim", "keys", "9999#", "--json", O, SimulatedUnit.Technician);

        Assert.True(status == 0, error);
        Assert.Equal(["keys 9999#"], Board.Actions);
        var document = JsonNode.Parse(output)!.AsObject();
        Assert.Equal(["board", "decisions", "doorEvents"], document.Select(p => p.Key).Order(StringComparer.Ordinal));
        var decisions = document["decisions"]!.AsArray();
        Assert.Equal(2, decisions.Count);
        Assert.Equal("pin", decisions[1]!["method"]!.GetValue<string>());
        Assert.False(decisions[1]!["granted"]!.GetValue<bool>());
        Assert.Equal("locked-out", decisions[1]!["reason"]!.GetValue<string>());
        Assert.Null(decisions[1]!["resident"]);
        Assert.Empty(document["doorEvents"]!.AsArray());
        Assert.False(document["board"]!["lockReleased"]!.GetValue<bool>());
        Assert.Equal("None", document["board"]!["buzzer"]!.GetValue<string>());
    }

    [Fact]
    public async Task SimKeys_NoDecision_PrintsNone()
    {
        var (status, output, error) = await _unit.GatectlAsync("sim", "keys", "*7#", O, SimulatedUnit.Installer);

        Assert.True(status == 0, error);
        Assert.Equal("decision:  none", Lines(output)[0]);
        Assert.Equal("door:      no change", Lines(output)[1]);
    }

    [Theory]
    [InlineData("12a#", "'a'")]
    [InlineData("1 2", "' '")]
    [InlineData("123456789012345678901234567890123", "at most 32 keys")]
    public async Task SimKeys_NotKeypadKeys_RefusedAndNothingPressed(string keys, string named)
    {
        var (status, _, error) = await _unit.GatectlAsync("sim", "keys", keys, O, SimulatedUnit.Installer);

        Assert.Equal(GatectlCommandLine.ExitFailure, status);
        Assert.Contains(named, error, StringComparison.Ordinal);
        Assert.Empty(Board.Actions);
    }

    [Fact]
    public async Task SimFace_RelativePhoto_SendsFullPath()
    {
        var photo = Path.Combine(_unit.Directory, "face.jpg");
        await File.WriteAllBytesAsync(photo, [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46]);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, photo);

        var (status, _, error) = await _unit.GatectlAsync("sim", "face", relative, O, SimulatedUnit.Installer);

        Assert.True(status == 0, error);
        Assert.Equal([$"face {photo}"], Board.Actions);
    }

    [Fact]
    public async Task SimFace_None_ShowsEmptyScene()
    {
        var (status, _, error) = await _unit.GatectlAsync("sim", "face", "none", O, SimulatedUnit.Installer);

        Assert.True(status == 0, error);
        Assert.Equal(["face <none>"], Board.Actions);
    }

    [Fact]
    public async Task SimFace_MissingPhoto_UsageErrorAndNothingShown()
    {
        var (status, _, error) = await _unit.GatectlAsync("sim", "face", Path.Combine(_unit.Directory, "nobody.jpg"), O, SimulatedUnit.Installer);

        Assert.Equal(GatectlCommandLine.ExitUsage, status);
        Assert.Contains("nobody.jpg does not exist", error, StringComparison.Ordinal);
        Assert.Empty(Board.Actions);
    }

    [Fact]
    public async Task SimFace_PngPhoto_UsageErrorAndNothingShown()
    {
        var photo = Path.Combine(_unit.Directory, "face.png");
        await File.WriteAllBytesAsync(photo, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]);

        var (status, _, error) = await _unit.GatectlAsync("sim", "face", photo, O, SimulatedUnit.Installer);

        Assert.Equal(GatectlCommandLine.ExitUsage, status);
        Assert.Contains("PNG", error, StringComparison.Ordinal);
        Assert.Empty(Board.Actions);
    }

    [Fact]
    public async Task SimFace_BoardWithoutFaceReader_RefusedWithTheBoardsReasonAndAudited()
    {
        Board.FaceReaderMissing = true;

        var (status, _, error) = await _unit.GatectlAsync("sim", "face", "none", O, SimulatedUnit.Installer);

        Assert.Equal(GatectlCommandLine.ExitFailure, status);
        Assert.Equal("gatectl: no face reader runs on this door path (Face and Camera need to be enabled)", error.TrimEnd());
        Assert.Contains(_unit.AuditDetails, d => d.StartsWith("refused sim.face: no face reader", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("exit", "on", "input ExitButton on")]
    [InlineData("door", "on", "input DoorContact on")]
    [InlineData("door", "off", "input DoorContact off")]
    [InlineData("fire", "on", "input FireAlarm on")]
    [InlineData("tamper", "off", "input Tamper off")]
    public async Task SimInput_KindAndState_DriveThatLine(string input, string state, string expected)
    {
        var (status, _, error) = await _unit.GatectlAsync("sim", "input", input, state, O, SimulatedUnit.Installer);

        Assert.True(status == 0, error);
        Assert.Equal([expected], Board.Actions);
    }

    [Theory]
    [InlineData("window", "on")]
    [InlineData("fire", "maybe")]
    public async Task SimInput_UnknownInputOrState_UsageError(string input, string state)
    {
        var (status, _, _) = await _unit.GatectlAsync("sim", "input", input, state, O, SimulatedUnit.Installer);

        Assert.Equal(GatectlCommandLine.ExitUsage, status);
        Assert.Empty(Board.Actions);
    }

    [Fact]
    public async Task SimState_PrintsBoard()
    {
        Board.Board = new SimulatedBoardState(true, false, true, "Alarm", true, true, false);

        var (status, output, error) = await _unit.GatectlAsync("sim", "state", O, SimulatedUnit.Installer);

        Assert.True(status == 0, error);
        Assert.Equal(["board:     lock released, green off, red on, buzzer Alarm, door open, fire alarm on, tamper off"], Lines(output));
    }

    [Fact]
    public async Task SimCard_TimeoutOption_ReachesBoard()
    {
        var (status, _, error) = await _unit.GatectlAsync("sim", "card", "2A3039", "--timeout-ms", "1500", O, SimulatedUnit.Installer);

        Assert.True(status == 0, error);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), Board.LastTimeout);
    }

    [Fact]
    public async Task SimCard_NoTimeoutOption_DefaultFiveSeconds()
    {
        var (status, _, error) = await _unit.GatectlAsync("sim", "card", "2A3039", O, SimulatedUnit.Installer);

        Assert.True(status == 0, error);
        Assert.Equal(TimeSpan.FromSeconds(5), Board.LastTimeout);
    }

    [Fact]
    public async Task SimCard_OfficeOperatorWithoutConfigure_RefusedAuditedAndNothingTapped()
    {
        var (status, _, error) = await _unit.GatectlAsync("sim", "card", "2A3039", O, SimulatedUnit.Office);

        Assert.Equal(GatectlCommandLine.ExitFailure, status);
        Assert.Contains("may not run sim.card", error, StringComparison.Ordinal);
        Assert.Empty(Board.Actions);
        Assert.Contains(_unit.AuditDetails, d => d.StartsWith("refused sim.card", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SimCardAndKeys_Audited_WithoutUidOrKeys()
    {
        Assert.Equal(0, (await _unit.GatectlAsync("sim", "card", "2A3039", O, SimulatedUnit.Installer)).Status);
        Assert.Equal(0, (await _unit.GatectlAsync("sim", "keys", "4711#", O, SimulatedUnit.Installer)).Status);

        var entries = _unit.Audit;
        Assert.Contains(entries, e => e.Detail == "sim.card wiegand26" && e.OperatorId == SimulatedUnit.Installer);
        Assert.Contains(entries, e => e.Detail == "sim.keys: 5 keys" && e.OperatorId == SimulatedUnit.Installer);
        Assert.DoesNotContain(entries, e => (e.Detail ?? string.Empty).Contains("2A3039", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(entries, e => (e.Detail ?? string.Empty).Contains("4711", StringComparison.Ordinal));
    }

    private static string[] Lines(string output) => output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
}
