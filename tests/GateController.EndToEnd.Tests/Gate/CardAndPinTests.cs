using System.Text.Json.Nodes;

namespace GateController.EndToEnd.Tests.Gate;

/// <summary>Cards, PINs and visitor codes at the simulated gate of the real gatecontrollerd, driven by gatectl.</summary>
[Collection(SimulatedGateGroup.Name)]
public sealed class CardAndPinTests(SimulatedGatecontrollerd unit)
{
    [Fact]
    public async Task SimCard_RegisteredCard_GrantedAndDoorUnlocked()
    {
        await unit.AddResidentAsync("C0001", "3A0001");

        var step = await unit.SimulateAsync("card", "3A0001");

        var decision = Assert.Single(Decisions(step));
        Assert.Equal("card", decision["method"]!.GetValue<string>());
        Assert.True(decision["granted"]!.GetValue<bool>(), step.ToJsonString());
        Assert.Equal("C0001", decision["resident"]!.GetValue<string>());
        Assert.True(await LockReleasedAsync(step), step.ToJsonString());
    }

    [Fact]
    public async Task SimCard_UnknownCard_RefusedAndDoorStaysLocked()
    {
        var step = await unit.SimulateAsync("card", "3AFFFE");

        var decision = Assert.Single(Decisions(step));
        Assert.False(decision["granted"]!.GetValue<bool>());
        Assert.Equal("unknown-credential", decision["reason"]!.GetValue<string>());
        Assert.DoesNotContain("Unlocked", DoorEvents(step));
    }

    [Fact]
    public async Task SimKeys_ResidentsPin_Granted()
    {
        await unit.AddResidentAsync("C0002", "3A0002", pin: "864213");

        var step = await unit.SimulateAsync("keys", "864213#");

        var decision = Assert.Single(Decisions(step));
        Assert.Equal("pin", decision["method"]!.GetValue<string>());
        Assert.True(decision["granted"]!.GetValue<bool>(), step.ToJsonString());
        Assert.Equal("C0002", decision["resident"]!.GetValue<string>());
        Assert.True(await LockReleasedAsync(step), step.ToJsonString());
    }

    [Fact]
    public async Task SimKeys_OneUseVisitorCode_GrantedOnceThenUsedUp()
    {
        await unit.AddResidentAsync("C0003", "3A0003");
        var issued = await unit.JsonAsync(SimulatedGatecontrollerd.Installer, "visitor", "create", "--resident", "C0003", "--valid-for", "4h", "--uses", "1");
        var code = issued["code"]!.GetValue<string>();

        var first = await unit.SimulateAsync("keys", code + "#");
        var second = await unit.SimulateAsync("keys", code + "#");

        var granted = Assert.Single(Decisions(first));
        Assert.Equal("visitor-code", granted["method"]!.GetValue<string>());
        Assert.True(granted["granted"]!.GetValue<bool>(), first.ToJsonString());
        var refused = Assert.Single(Decisions(second));
        Assert.False(refused["granted"]!.GetValue<bool>());
        Assert.Equal("visitor-code-used-up", refused["reason"]!.GetValue<string>());
    }

    /// <summary>The lock is released in the step's board or in the board read just after (the door responds a moment after the decision).</summary>
    private async Task<bool> LockReleasedAsync(JsonObject step) =>
        step["board"]!["lockReleased"]!.GetValue<bool>()
        || (await unit.JsonAsync(SimulatedGatecontrollerd.Installer, "sim", "state"))["board"]!["lockReleased"]!.GetValue<bool>();

    internal static List<JsonNode> Decisions(JsonObject step) => [.. step["decisions"]!.AsArray().Select(d => d!)];

    internal static List<string> DoorEvents(JsonObject step) => [.. step["doorEvents"]!.AsArray().Select(e => e!.GetValue<string>())];
}
