namespace GateController.EndToEnd.Tests.Gate;

/// <summary>Access groups at the simulated gate of the real gatecontrollerd: the group's policy decides, set with gatectl.</summary>
[Collection(SimulatedGateGroup.Name)]
public sealed class AccessGroupTests(SimulatedGatecontrollerd unit)
{
    [Fact]
    public async Task SimCard_ResidentInGroupWhoseWindowIsClosed_RefusedThenOpensWithoutTheGroup()
    {
        await unit.AddResidentAsync("G0001", "5A0001");
        var set = await unit.JsonAsync(SimulatedGatecontrollerd.Installer, "resident", "set-group", "G0001", SimulatedGatecontrollerd.ClosedGroup);
        Assert.Equal(SimulatedGatecontrollerd.ClosedGroup, set["group"]!.GetValue<string>());

        var closed = await unit.SimulateAsync("card", "5A0001");

        var refused = Assert.Single(CardAndPinTests.Decisions(closed));
        Assert.False(refused["granted"]!.GetValue<bool>(), closed.ToJsonString());
        Assert.Equal("outside-schedule", refused["reason"]!.GetValue<string>());
        Assert.DoesNotContain("Unlocked", CardAndPinTests.DoorEvents(closed));

        await unit.JsonAsync(SimulatedGatecontrollerd.Installer, "resident", "set-group", "G0001", "--none");
        var open = await unit.SimulateAsync("card", "5A0001");

        var granted = Assert.Single(CardAndPinTests.Decisions(open));
        Assert.True(granted["granted"]!.GetValue<bool>(), open.ToJsonString());
        Assert.Equal("G0001", granted["resident"]!.GetValue<string>());
    }

    [Fact]
    public async Task SimKeys_ResidentInCardsOnlyGroup_PinRefusedCardGranted()
    {
        await unit.AddResidentAsync("G0002", "5A0002", pin: "731846");
        await unit.JsonAsync(SimulatedGatecontrollerd.Installer, "resident", "set-group", "G0002", SimulatedGatecontrollerd.CardsOnlyGroup);

        var pin = await unit.SimulateAsync("keys", "731846#");
        var card = await unit.SimulateAsync("card", "5A0002");

        var refused = Assert.Single(CardAndPinTests.Decisions(pin));
        Assert.False(refused["granted"]!.GetValue<bool>(), pin.ToJsonString());
        Assert.Equal("method-not-allowed", refused["reason"]!.GetValue<string>());
        Assert.True(Assert.Single(CardAndPinTests.Decisions(card))["granted"]!.GetValue<bool>(), card.ToJsonString());
    }
}
