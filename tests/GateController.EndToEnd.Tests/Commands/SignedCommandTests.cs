using System.Text.Json.Nodes;

namespace GateController.EndToEnd.Tests.Commands;

/// <summary>
/// A technician's signed commands over MQTT to the real gatecontrollerd <c>--simulate</c>: keys issued with
/// <c>gatectl technician add</c>, commands sent with <c>gatectl diag send</c>, refusals answered with their reason.
/// </summary>
public sealed class SignedCommandTests(TelemetryGatecontrollerd unit) : IClassFixture<TelemetryGatecontrollerd>
{
    private const string Unit = TelemetryGatecontrollerd.UnitId;

    [Fact]
    public async Task DiagSendPing_IssuedTechnician_PongAndLastUseListed()
    {
        var keyFile = await unit.AddTechnicianAsync("e2e-ping", mayReleaseDoor: false);

        var (status, output, error) = await unit.GatectlAsync("diag", "send", "ping", "--unit", Unit, "--technician", "e2e-ping", "--key-file", keyFile, "--timeout", "60");

        Assert.True(status == 0, $"{error}\ngatecontrollerd:\n{unit.Log}");
        Assert.Equal("ping: pong" + Environment.NewLine, output);
        var listed = JsonNode.Parse((await unit.GatectlAsync("technician", "list", "--json", "--operator", TelemetryGatecontrollerd.Installer)).Output)!;
        var entry = Assert.Single(listed["technicians"]!.AsArray(), t => (string)t!["id"]! == "e2e-ping")!;
        Assert.NotNull(entry["lastUsedAt"]);
    }

    [Fact]
    public async Task DiagSendDoorRelease_TechnicianWithPermission_DoorReleasedAndAudited()
    {
        var keyFile = await unit.AddTechnicianAsync("e2e-door", mayReleaseDoor: true);

        var (status, output, error) = await unit.GatectlAsync("diag", "send", "door-release", "--unit", Unit, "--technician", "e2e-door", "--key-file", keyFile, "--timeout", "60", "--json");

        Assert.True(status == 0, $"{error}\ngatecontrollerd:\n{unit.Log}");
        var reply = JsonNode.Parse(output)!;
        Assert.True((bool)reply["ok"]!);
        Assert.Equal("released for 5 s", (string)reply["result"]!);
        var audit = JsonNode.Parse((await unit.GatectlAsync("audit", "verify", "--json", "--operator", TelemetryGatecontrollerd.Installer)).Output)!;
        Assert.True((bool)audit["intact"]!);
    }

    [Fact]
    public async Task DiagSendDoorRelease_TechnicianWithoutPermission_RefusedExitOne()
    {
        var keyFile = await unit.AddTechnicianAsync("e2e-nodoor", mayReleaseDoor: false);

        var (status, output, error) = await unit.GatectlAsync("diag", "send", "door-release", "--unit", Unit, "--technician", "e2e-nodoor", "--key-file", keyFile, "--timeout", "60");

        Assert.Equal(GateController.Cli.GatectlCommandLine.ExitFailure, status);
        Assert.Empty(output);
        Assert.Equal("gatectl: door-release refused: not permitted: door release" + Environment.NewLine, error);
    }

    [Fact]
    public async Task DiagSend_UnknownTechnician_RefusedExitOne()
    {
        var keyFile = Path.Combine(unit.Directory, "stranger.key");
        await File.WriteAllTextAsync(keyFile, Convert.ToBase64String(new byte[32]));

        var (status, _, error) = await unit.GatectlAsync("diag", "send", "ping", "--unit", Unit, "--technician", "stranger", "--key-file", keyFile, "--timeout", "60");

        Assert.Equal(GateController.Cli.GatectlCommandLine.ExitFailure, status);
        Assert.Equal("gatectl: ping refused: unknown technician" + Environment.NewLine, error);
    }

    [Fact]
    public async Task DiagSend_RemovedTechnician_RefusedAtOnce()
    {
        var keyFile = await unit.AddTechnicianAsync("e2e-gone", mayReleaseDoor: true);
        Assert.Equal(0, (await unit.GatectlAsync("diag", "send", "ping", "--unit", Unit, "--technician", "e2e-gone", "--key-file", keyFile, "--timeout", "60")).Status);

        var removed = await unit.GatectlAsync("technician", "remove", "e2e-gone", "--operator", TelemetryGatecontrollerd.Installer);
        var (status, _, error) = await unit.GatectlAsync("diag", "send", "ping", "--unit", Unit, "--technician", "e2e-gone", "--key-file", keyFile, "--timeout", "60");

        Assert.Equal(0, removed.Status);
        Assert.Equal(GateController.Cli.GatectlCommandLine.ExitFailure, status);
        Assert.Contains("unknown technician", error, StringComparison.Ordinal);
    }
}
