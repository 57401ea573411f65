using System.Text.Json;
using GateController.Telemetry.Health;
using GateController.Telemetry.Tests.Support;

namespace GateController.Telemetry.Tests.Service;

public sealed class TelemetryServiceHealthTests : IClassFixture<BrokerFixture>
{
    private readonly BrokerFixture _broker;

    public TelemetryServiceHealthTests(BrokerFixture broker) => _broker = broker;

    [Fact]
    public async Task Connect_HealthPublishedRetainedWithUnitVersionAndCounts()
    {
        await using var harness = await ServiceHarness.StartAsync(_broker.Port);

        var health = await harness.Peer.WaitForTopicAsync(harness.Topics.Health);

        using var json = JsonDocument.Parse(health.Payload);
        var root = json.RootElement;
        Assert.Equal(harness.Options.UnitId, root.GetProperty("unitId").GetString());
        Assert.Equal("1.2.3", root.GetProperty("firmwareVersion").GetString());
        Assert.Equal(3, root.GetProperty("store").GetProperty("residents").GetInt32());
        Assert.True(root.GetProperty("door").GetProperty("locked").GetBoolean());
        Assert.Equal(0, root.GetProperty("telemetry").GetProperty("droppedEvents").GetInt64());
        using var late = await MessageCollector.StartAsync(_broker.Port, harness.Topics.Health);
        Assert.True((await late.WaitForTopicAsync(harness.Topics.Health)).Retained);
    }

    [Fact]
    public async Task IntervalElapsedOnClock_HealthPublishedAgainWithUptime()
    {
        await using var harness = await ServiceHarness.StartAsync(_broker.Port);
        await harness.Peer.WaitForTopicAsync(harness.Topics.Health);

        harness.Time.Advance(TimeSpan.FromSeconds(60));

        await harness.Peer.WaitForTopicAsync(harness.Topics.Health, p => p.Contains("\"uptimeSeconds\":60", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NotifyHealthChanged_NewStatePublished()
    {
        await using var harness = await ServiceHarness.StartAsync(_broker.Port);
        await harness.Peer.WaitForTopicAsync(harness.Topics.Health);

        harness.Health = harness.Health with { Door = new HealthDoorState { Locked = false, Tamper = true } };
        harness.Service.NotifyHealthChanged();

        await harness.Peer.WaitForTopicAsync(harness.Topics.Health, p => p.Contains("\"tamper\":true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FaceTemplatesNearThreshold_WarningInHealth()
    {
        await using var harness = await ServiceHarness.StartAsync(_broker.Port);
        await harness.Peer.WaitForTopicAsync(harness.Topics.Health);

        harness.Health = harness.Health with { Store = new HealthStoreCounts { FaceTemplates = 95_000 } };
        harness.Service.NotifyHealthChanged();

        await harness.Peer.WaitForTopicAsync(harness.Topics.Health, p => p.Contains("faceTemplateWarning", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HomeAssistantEnabled_DiscoveryRetainedAndResentWhenHomeAssistantComesOnline()
    {
        await using var harness = await ServiceHarness.StartAsync(_broker.Port, o => o.HomeAssistantDiscovery = true);
        var lockConfig = $"homeassistant/binary_sensor/gatecontroller-{harness.Options.UnitId}/lock/config";
        var first = await harness.Peer.WaitForTopicAsync(lockConfig);
        using (var json = JsonDocument.Parse(first.Payload))
        {
            Assert.Equal(harness.Topics.Health, json.RootElement.GetProperty("state_topic").GetString());
            Assert.Equal("lock", json.RootElement.GetProperty("device_class").GetString());
            Assert.False(json.RootElement.TryGetProperty("command_topic", out _));
        }

        await harness.Peer.WaitForAsync(list => list.Count(m => m.Topic.StartsWith("homeassistant/", StringComparison.Ordinal)) >= 9);
        Assert.Equal(9, harness.Peer.Snapshot().Select(m => m.Topic).Where(t => t.StartsWith("homeassistant/", StringComparison.Ordinal)).Distinct().Count());
        using (var late = await MessageCollector.StartAsync(_broker.Port, lockConfig))
        {
            Assert.True((await late.WaitForTopicAsync(lockConfig)).Retained);
        }

        using var homeAssistant = await MessageCollector.StartAsync(_broker.Port);
        homeAssistant.Client.Publish("homeassistant/status", "online"u8, Telemetry.Mqtt.MqttQualityOfService.AtLeastOnce, false);

        await harness.Peer.WaitForAsync(list => list.Count(m => m.Topic == lockConfig) >= 2);
    }

    [Fact]
    public async Task HealthSourceThrows_ErrorRecorded_EventsStillPublished()
    {
        await using var harness = await ServiceHarness.StartAsync(_broker.Port);
        await harness.Peer.WaitForTopicAsync(harness.Topics.Health);
        harness.HealthFault = new InvalidOperationException("store unreadable");

        harness.Service.NotifyHealthChanged();
        await harness.HealthFaultRaised.Task.WaitAsync(MessageCollector.WaitTimeout);
        harness.Service.Enqueue(new Telemetry.Events.TelemetryEvent(Telemetry.Events.TelemetryEventKind.Tamper, harness.Time.GetUtcNow(), "front"));

        await harness.Peer.WaitForTopicAsync(harness.Topics.Events);
        harness.Service.NotifyHealthChanged();
        await harness.Peer.WaitForAsync(list => list.Count(m => m.Topic == harness.Topics.Health) >= 2);
        Assert.Equal("health: InvalidOperationException: store unreadable", harness.Service.LastError);
    }
}
