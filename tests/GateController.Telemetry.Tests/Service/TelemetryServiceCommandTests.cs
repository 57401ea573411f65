using System.Text;
using System.Text.Json;
using GateController.Telemetry.Commands;
using GateController.Telemetry.Events;
using GateController.Telemetry.Mqtt;
using GateController.Telemetry.Tests.Support;

namespace GateController.Telemetry.Tests.Service;

public sealed class TelemetryServiceCommandTests : IClassFixture<BrokerFixture>
{
    private readonly BrokerFixture _broker;

    public TelemetryServiceCommandTests(BrokerFixture broker) => _broker = broker;

    [Fact]
    public async Task Ping_Signed_ReplyOkPongAndAudited()
    {
        await using var harness = await ServiceHarness.StartAsync(_broker.Port);
        using var technician = await MessageCollector.StartAsync(_broker.Port);

        technician.Client.Publish(harness.Topics.Command("ping"), CommandFactory.Build(harness.Options.UnitId, "ping", harness.Time.GetUtcNow(), nonce: "nonce-ping-1"), MqttQualityOfService.AtLeastOnce, false);

        var reply = await harness.Peer.WaitForTopicAsync(harness.Topics.Reply("ping"));
        var root = JsonDocument.Parse(reply.Payload).RootElement;
        Assert.True(root.GetProperty("ok").GetBoolean());
        Assert.Equal("pong", root.GetProperty("result").GetString());
        Assert.Equal("nonce-ping-1", root.GetProperty("nonce").GetString());
        Assert.Contains(harness.Audit, a => a.Command == "ping" && a.Accepted && a.TechnicianId == "tech-1");
    }

    [Fact]
    public async Task DoorRelease_PermittedTechnician_InjectedHandlerRuns()
    {
        var released = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handlers = new TelemetryCommandHandlers
        {
            DoorReleaseAsync = (technician, _) =>
            {
                released.TrySetResult(technician);
                return Task.FromResult(CommandOutcome.Success("released for 5 s"));
            },
        };
        await using var harness = await ServiceHarness.StartAsync(_broker.Port, handlers: handlers);
        using var technician = await MessageCollector.StartAsync(_broker.Port);

        technician.Client.Publish(harness.Topics.Command("door-release"), CommandFactory.Build(harness.Options.UnitId, "door-release", harness.Time.GetUtcNow(), technician: "tech-door"), MqttQualityOfService.AtLeastOnce, false);

        Assert.Equal("tech-door", await released.Task.WaitAsync(MessageCollector.WaitTimeout));
        var reply = await harness.Peer.WaitForTopicAsync(harness.Topics.Reply("door-release"));
        Assert.Equal("released for 5 s", JsonDocument.Parse(reply.Payload).RootElement.GetProperty("result").GetString());
    }

    [Fact]
    public async Task HealthNow_Signed_HealthPublishedAndReplied()
    {
        await using var harness = await ServiceHarness.StartAsync(_broker.Port);
        await harness.Peer.WaitForTopicAsync(harness.Topics.Health);
        using var technician = await MessageCollector.StartAsync(_broker.Port);

        technician.Client.Publish(harness.Topics.Command("health"), CommandFactory.Build(harness.Options.UnitId, "health", harness.Time.GetUtcNow()), MqttQualityOfService.AtLeastOnce, false);

        await harness.Peer.WaitForTopicAsync(harness.Topics.Reply("health"), p => p.Contains("health published", StringComparison.Ordinal));
        await harness.Peer.WaitForAsync(list => list.Count(m => m.Topic == harness.Topics.Health) >= 2);
    }

    [Fact]
    public async Task RetainedCommand_NotExecuted_AnsweredWithReason()
    {
        var released = 0;
        var handlers = new TelemetryCommandHandlers
        {
            DoorReleaseAsync = (_, _) =>
            {
                Interlocked.Increment(ref released);
                return Task.FromResult(CommandOutcome.Success("released"));
            },
        };
        var unit = "unit-" + Guid.NewGuid().ToString("N")[..10];
        using (var technician = await MessageCollector.StartAsync(_broker.Port))
        {
            var acknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            technician.Client.Published += (_, _) => acknowledged.TrySetResult();
            technician.Client.Publish($"gatecontroller/{unit}/cmd/door-release", CommandFactory.Build(unit, "door-release", DateTimeOffset.UtcNow, technician: "tech-door"), MqttQualityOfService.AtLeastOnce, retain: true);
            await acknowledged.Task.WaitAsync(MessageCollector.WaitTimeout);
        }

        await using var harness = await ServiceHarness.StartAsync(_broker.Port, o => o.UnitId = unit, handlers: handlers);

        var reply = await harness.Peer.WaitForTopicAsync(harness.Topics.Reply("door-release"));
        Assert.Equal("retained commands are ignored", JsonDocument.Parse(reply.Payload).RootElement.GetProperty("reason").GetString());
        Assert.Equal(0, Volatile.Read(ref released));
        harness.Peer.Client.Publish(harness.Topics.Command("door-release"), ReadOnlySpan<byte>.Empty, MqttQualityOfService.AtLeastOnce, retain: true);
    }

    [Fact]
    public async Task TenThousandMalformedCommands_EachAnsweredWithReason_ServiceAndDoorPathUnaffected()
    {
        const int total = 10_000;
        const int batch = 500;
        await using var harness = await ServiceHarness.StartAsync(_broker.Port);
        using var attacker = await MessageCollector.StartAsync(_broker.Port);
        var unit = harness.Options.UnitId;
        var replayed = CommandFactory.Build(unit, "ping", harness.Time.GetUtcNow(), nonce: "nonce-replayed");
        attacker.Client.Publish(harness.Topics.Command("ping"), replayed, MqttQualityOfService.AtLeastOnce, false);
        await harness.Peer.WaitForTopicAsync(harness.Topics.Reply("ping"));
        var random = new Random(8);
        var replies = new System.Collections.Concurrent.ConcurrentQueue<MqttMessage>();
        var arrived = new SemaphoreSlim(0);
        harness.Peer.Client.MessageReceived += (_, e) =>
        {
            if (IsReply(e.Message))
            {
                replies.Enqueue(e.Message);
                arrived.Release();
            }
        };

        for (var sent = 0; sent < total;)
        {
            for (var i = 0; i < batch; i++, sent++)
            {
                var (topic, payload) = Malformed(sent, unit, harness, replayed, random);
                attacker.Client.Publish(topic, payload, MqttQualityOfService.AtLeastOnce, false);
                if (i % 100 == 0)
                {
                    harness.Service.Enqueue(new TelemetryEvent(TelemetryEventKind.AccessGranted, harness.Time.GetUtcNow(), "front"));
                }
            }

            while (replies.Count < sent)
            {
                Assert.True(await arrived.WaitAsync(MessageCollector.WaitTimeout), $"only {replies.Count} of {sent} replies");
            }
        }

        var documents = replies.Select(m => JsonDocument.Parse(m.Payload).RootElement).ToArray();
        Assert.Equal(total, documents.Length);
        Assert.All(documents, r => Assert.False(r.GetProperty("ok").GetBoolean()));
        Assert.All(documents, r => Assert.False(string.IsNullOrWhiteSpace(r.GetProperty("reason").GetString())));
        var reasons = documents.Select(r => r.GetProperty("reason").GetString()).ToHashSet();
        Assert.Contains("malformed JSON", reasons);
        Assert.Contains("bad signature", reasons);
        Assert.Contains("replayed nonce", reasons);
        Assert.Contains("payload larger than 2048 bytes", reasons);

        Assert.True(harness.Service.IsConnected);
        attacker.Client.Publish(harness.Topics.Command("ping"), CommandFactory.Build(unit, "ping", harness.Time.GetUtcNow(), nonce: "nonce-after-flood"), MqttQualityOfService.AtLeastOnce, false);
        await harness.Peer.WaitForTopicAsync(harness.Topics.Reply("ping"), p => p.Contains("nonce-after-flood", StringComparison.Ordinal) && p.Contains("pong", StringComparison.Ordinal));
        await harness.Peer.WaitForAsync(list => list.Count(m => m.Topic == harness.Topics.Events) == total / 100);
        Assert.Equal(total / 100, harness.Service.PublishedEvents);
        Assert.Equal(0, harness.Service.DroppedEvents);
        Assert.Equal(total + 2, harness.Audit.Count);

        bool IsReply(MqttMessage m) => m.Topic.StartsWith(harness.Topics.Base + "/reply/", StringComparison.Ordinal);
    }

    private static (string Topic, byte[] Payload) Malformed(int index, string unit, ServiceHarness harness, byte[] replayed, Random random)
    {
        var topic = harness.Topics.Command("ping");
        switch (index % 6)
        {
            case 0:
                return (topic, Encoding.UTF8.GetBytes("{\"technician\":\"tech-1\",\"nonce\":" + index));
            case 1:
                var wrongKey = new byte[32];
                random.NextBytes(wrongKey);
                return (topic, CommandFactory.Build(unit, "ping", harness.Time.GetUtcNow(), key: wrongKey));
            case 2:
                return (topic, replayed);
            case 3:
                var huge = new byte[3000 + random.Next(5000)];
                random.NextBytes(huge);
                return (topic, huge);
            case 4:
                var binary = new byte[1 + random.Next(200)];
                random.NextBytes(binary);
                return (topic, binary);
            default:
                return (harness.Topics.Command("no-such-command-" + (index % 7)), CommandFactory.Build(unit, "ping", harness.Time.GetUtcNow()));
        }
    }
}
