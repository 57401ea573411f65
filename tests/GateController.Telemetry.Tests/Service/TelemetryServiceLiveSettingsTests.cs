using System.Text.Json;
using GateController.Core.Residents;
using GateController.Telemetry.Commands;
using GateController.Telemetry.Events;
using GateController.Telemetry.Mqtt;
using GateController.Telemetry.Tests.Support;

namespace GateController.Telemetry.Tests.Service;

public sealed class TelemetryServiceLiveSettingsTests : IClassFixture<BrokerFixture>
{
    private readonly BrokerFixture _broker;

    public TelemetryServiceLiveSettingsTests(BrokerFixture broker) => _broker = broker;

    [Fact]
    public async Task ApplyLiveSettings_PublishResidentIdsTurnedOn_NextEventCarriesTheId()
    {
        await using var harness = await ServiceHarness.StartAsync(_broker.Port);
        harness.Service.Enqueue(new TelemetryEvent(TelemetryEventKind.AccessGranted, harness.Time.GetUtcNow(), "front") { ResidentId = ResidentId.Parse("R0042") });
        await harness.Peer.WaitForAsync(list => list.Count(m => m.Topic == harness.Topics.Events) == 1);

        harness.Service.ApplyLiveSettings(new TelemetryLiveSettings(TimeSpan.FromSeconds(60), PublishResidentIds: true, HomeAssistantDiscovery: false));
        harness.Service.Enqueue(new TelemetryEvent(TelemetryEventKind.AccessGranted, harness.Time.GetUtcNow(), "front") { ResidentId = ResidentId.Parse("R0042") });

        await harness.Peer.WaitForAsync(list => list.Count(m => m.Topic == harness.Topics.Events) == 2);
        var residents = harness.Peer.On(harness.Topics.Events)
            .Select(m => JsonDocument.Parse(m.Payload).RootElement.TryGetProperty("resident", out var r) ? r.GetString() ?? "null" : "(none)")
            .ToArray();
        Assert.Equal(["(none)", "R0042"], residents);
    }

    [Fact]
    public async Task ApplyLiveSettings_ShorterHealthInterval_HealthFollowsTheNewInterval()
    {
        await using var harness = await ServiceHarness.StartAsync(_broker.Port, o => o.HealthInterval = TimeSpan.FromHours(1));
        await harness.Peer.WaitForTopicAsync(harness.Topics.Health);
        var before = harness.Peer.On(harness.Topics.Health).Count;

        harness.Service.ApplyLiveSettings(new TelemetryLiveSettings(TimeSpan.FromSeconds(5), false, false));
        await harness.Peer.WaitForAsync(list => list.Count(m => m.Topic == harness.Topics.Health) >= before + 1);
        var afterApply = harness.Peer.On(harness.Topics.Health).Count;
        harness.Time.Advance(TimeSpan.FromSeconds(5));

        await harness.Peer.WaitForAsync(list => list.Count(m => m.Topic == harness.Topics.Health) >= afterApply + 1);
        Assert.Equal(TimeSpan.FromSeconds(5), harness.Options.HealthInterval);
    }

    [Fact]
    public async Task ApplyLiveSettings_HomeAssistantTurnedOnThenOff_ConfigPublishedThenCleared()
    {
        await using var harness = await ServiceHarness.StartAsync(_broker.Port);
        var configTopic = $"homeassistant/binary_sensor/gatecontroller-{harness.Options.UnitId}/lock/config";

        harness.Service.ApplyLiveSettings(new TelemetryLiveSettings(TimeSpan.FromSeconds(60), false, HomeAssistantDiscovery: true));
        await harness.Peer.WaitForTopicAsync(configTopic, p => p.Length > 0);
        harness.Service.ApplyLiveSettings(new TelemetryLiveSettings(TimeSpan.FromSeconds(60), false, HomeAssistantDiscovery: false));

        await harness.Peer.WaitForAsync(list => list.Any(m => m.Topic == configTopic && m.Payload.Length == 0));
    }

    [Fact]
    public async Task ApplyLiveSettings_IntervalUnderOneSecond_ThrowsAndChangesNothing()
    {
        await using var harness = await ServiceHarness.StartAsync(_broker.Port);

        Assert.Throws<ArgumentException>(() => harness.Service.ApplyLiveSettings(new TelemetryLiveSettings(TimeSpan.FromMilliseconds(10), true, false)));

        Assert.False(harness.Options.PublishResidentIds);
    }

    [Fact]
    public async Task ReplaceTechnicians_WhileRunning_NewKeyCommandsAndOldKeyRefused()
    {
        await using var harness = await ServiceHarness.StartAsync(_broker.Port);
        using var technician = await MessageCollector.StartAsync(_broker.Port);
        var newKey = Enumerable.Range(7, 32).Select(i => (byte)i).ToArray();

        harness.Service.ReplaceTechnicians([new TechnicianKey { TechnicianId = "tech-new", Key = newKey }]);
        technician.Client.Publish(harness.Topics.Command("ping"), CommandFactory.Build(harness.Options.UnitId, "ping", harness.Time.GetUtcNow(), nonce: "old-key-1"), MqttQualityOfService.AtLeastOnce, false);
        technician.Client.Publish(harness.Topics.Command("ping"), CommandFactory.Build(harness.Options.UnitId, "ping", harness.Time.GetUtcNow(), nonce: "new-key-1", technician: "tech-new", key: newKey), MqttQualityOfService.AtLeastOnce, false);

        await harness.Peer.WaitForAsync(list => list.Count(m => m.Topic == harness.Topics.Reply("ping")) == 2);
        var replies = harness.Peer.On(harness.Topics.Reply("ping")).Select(m => JsonDocument.Parse(m.Payload).RootElement).ToDictionary(r => r.GetProperty("nonce").GetString()!);
        Assert.Equal("unknown technician", replies["old-key-1"].GetProperty("reason").GetString());
        Assert.Equal("pong", replies["new-key-1"].GetProperty("result").GetString());
        Assert.Equal(1, harness.Service.TechnicianCount);
    }
}
