using System.Text.Json;
using GateController.Core.Credentials;
using GateController.Core.Residents;
using GateController.Telemetry.Events;
using GateController.Telemetry.Tests.Support;

namespace GateController.Telemetry.Tests.Service;

public sealed class TelemetryServiceEventTests : IClassFixture<BrokerFixture>
{
    private readonly BrokerFixture _broker;

    public TelemetryServiceEventTests(BrokerFixture broker) => _broker = broker;

    [Fact]
    public async Task Enqueue_Connected_PublishedInOrderNotRetainedWithoutResident()
    {
        await using var harness = await ServiceHarness.StartAsync(_broker.Port);

        for (var i = 0; i < 20; i++)
        {
            harness.Service.Enqueue(new TelemetryEvent(i % 5 == 4 ? TelemetryEventKind.DoorHeldOpen : TelemetryEventKind.AccessGranted, harness.Time.GetUtcNow(), "front")
            {
                Method = CredentialKind.Card,
                ResidentId = ResidentId.Parse("R0042"),
            });
        }

        await harness.Peer.WaitForAsync(list => list.Count(m => m.Topic == harness.Topics.Events) == 20);
        var events = harness.Peer.On(harness.Topics.Events);
        var sequences = events.Select(m => JsonDocument.Parse(m.Payload).RootElement.GetProperty("sequence").GetInt64()).ToArray();
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), sequences);
        Assert.All(events, m => Assert.False(m.Retained));
        Assert.All(events, m => Assert.DoesNotContain("R0042", MessageCollector.Text(m), StringComparison.Ordinal));
        Assert.Equal(4, events.Count(m => MessageCollector.Text(m).Contains("\"alarm\":true", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Enqueue_PublishResidentIdsOn_PseudonymousIdIncluded()
    {
        await using var harness = await ServiceHarness.StartAsync(_broker.Port, o => o.PublishResidentIds = true);

        harness.Service.Enqueue(new TelemetryEvent(TelemetryEventKind.AccessGranted, harness.Time.GetUtcNow(), "front") { ResidentId = ResidentId.Parse("R0042") });

        var published = await harness.Peer.WaitForTopicAsync(harness.Topics.Events);
        Assert.Equal("R0042", JsonDocument.Parse(published.Payload).RootElement.GetProperty("resident").GetString());
    }

    [Fact]
    public async Task BrokerDown_EventsHeldBoundedAlarmsKept_FlushedWhenBrokerReturns()
    {
        using var broker = new MosquittoBroker();
        broker.Start();
        await using var harness = await ServiceHarness.StartAsync(broker.Port, o => o.EventQueueCapacity = 100);
        var down = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Service.ConnectionChanged += (_, _) =>
        {
            if (!harness.Service.IsConnected)
            {
                down.TrySetResult();
            }
        };
        broker.Stop();
        await down.Task.WaitAsync(MessageCollector.WaitTimeout);

        for (var i = 0; i < 1_000; i++)
        {
            harness.Service.Enqueue(new TelemetryEvent(i % 50 == 0 ? TelemetryEventKind.DoorForced : TelemetryEventKind.AccessDenied, harness.Time.GetUtcNow(), "front", "unknown-credential"));
        }

        Assert.Equal(100, harness.Service.QueuedEvents);
        Assert.Equal(900, harness.Service.DroppedEvents);
        Assert.Equal(0, harness.Service.DroppedAlarms);

        broker.Start();
        using var peer = await MessageCollector.StartAsync(broker.Port, harness.Topics.Events);
        await peer.WaitForAsync(list => list.Count(m => m.Topic == harness.Topics.Events) >= 100);

        var events = peer.On(harness.Topics.Events).Select(m => JsonDocument.Parse(m.Payload).RootElement).ToArray();
        Assert.Equal(20, events.Count(e => e.GetProperty("alarm").GetBoolean()));
        Assert.Equal(0, harness.Service.QueuedEvents);
        var sequences = events.Select(e => e.GetProperty("sequence").GetInt64()).ToArray();
        Assert.Equal(sequences.Order(), sequences);
    }
}
