using System.Text.Json;
using GateController.Telemetry.Events;
using GateController.Telemetry.Tests.Support;
using GateController.Telemetry.Threading;

namespace GateController.Telemetry.Tests.Service;

/// <summary>How events leave: a low-priority thread of its own, batches, the in-flight limit, nothing lost on reconnect.</summary>
public sealed class TelemetryServicePublishingTests : IClassFixture<BrokerFixture>
{
    private static readonly TimeSpan ConditionTimeout = TimeSpan.FromSeconds(20);
    private readonly BrokerFixture _broker;

    public TelemetryServicePublishingTests(BrokerFixture broker) => _broker = broker;

    [Fact]
    public async Task Start_BackgroundThreadNiceSet_PublishingAndNetworkThreadsRunAtItCallerUntouched()
    {
        var callerBefore = ThreadStat.NiceOf(ThreadNice.CurrentThreadId);
        await using var harness = await ServiceHarness.StartAsync(_broker.Port, o => o.BackgroundThreadNice = ThreadNice.Maximum);
        Assert.True(SpinWait.SpinUntil(() => harness.Service.DrainThreadId != 0, ConditionTimeout));

        Assert.NotEqual(harness.Service.DrainThreadId, harness.Service.NetworkThreadId);
        Assert.Equal(ThreadNice.Maximum, ThreadStat.NiceOf(harness.Service.DrainThreadId));
        Assert.Equal(ThreadNice.Maximum, ThreadStat.NiceOf(harness.Service.NetworkThreadId));
        Assert.Equal(callerBefore, ThreadStat.NiceOf(ThreadNice.CurrentThreadId));
    }

    [Fact]
    public async Task Enqueue_WithinBatchInterval_WaitsThenAllGoOutInOnePass()
    {
        var interval = TimeSpan.FromSeconds(1);
        await using var harness = await ServiceHarness.StartAsync(_broker.Port, o => o.EventBatchInterval = interval);
        harness.Service.Enqueue(Event(TelemetryEventKind.AccessGranted));
        Assert.True(SpinWait.SpinUntil(() => harness.Service.PublishedEvents == 1 || harness.Service.DrainInBatchWindow, ConditionTimeout));
        var looksBefore = harness.Service.DrainLooks;
        harness.Time.Advance(interval);
        await harness.Peer.WaitForAsync(list => list.Any(m => m.Topic == harness.Topics.Events));

        // The first event can go out at once (its wake-up arrives twice); then the clock moved above ends the publisher's
        // next window instead. Either way one pass follows the move: the events below must not race that pass.
        Assert.True(SpinWait.SpinUntil(() => harness.Service.DrainLooks > looksBefore, ConditionTimeout));
        var passesBefore = harness.Service.DrainPasses;

        for (var i = 0; i < 10; i++)
        {
            harness.Service.Enqueue(Event(i == 3 ? TelemetryEventKind.DoorHeldOpen : TelemetryEventKind.AccessDenied));
        }

        Assert.True(SpinWait.SpinUntil(() => harness.Service.DrainInBatchWindow, ConditionTimeout));
        Assert.Equal(1, harness.Service.PublishedEvents);
        Assert.Equal(10, harness.Service.QueuedEvents);

        harness.Time.Advance(interval);
        await harness.Peer.WaitForAsync(list => list.Count(m => m.Topic == harness.Topics.Events) == 11);

        Assert.Equal(passesBefore + 1, harness.Service.DrainPasses);
        Assert.Equal(Enumerable.Range(1, 11).Select(i => (long)i), Sequences(harness.Peer.On(harness.Topics.Events)));
    }

    [Fact]
    public async Task Enqueue_MoreThanInflightLimit_AcknowledgementsWakePublisherAllSentInOrder()
    {
        await using var harness = await ServiceHarness.StartAsync(_broker.Port, o => o.MaximumInflightMessages = 1);

        for (var i = 0; i < 300; i++)
        {
            harness.Service.Enqueue(Event(i % 7 == 0 ? TelemetryEventKind.Tamper : TelemetryEventKind.AccessGranted));
        }

        await harness.Peer.WaitForAsync(list => list.Count(m => m.Topic == harness.Topics.Events) == 300);

        Assert.Equal(Enumerable.Range(1, 300).Select(i => (long)i), Sequences(harness.Peer.On(harness.Topics.Events)));

        // The publisher removes an event from the queue just after handing it to the broker, so the last one may still
        // be queued for a moment after the peer has it.
        Assert.True(SpinWait.SpinUntil(() => harness.Service.QueuedEvents == 0, ConditionTimeout), $"{harness.Service.QueuedEvents} events still queued");
    }

    [Fact]
    public async Task ConnectionSevered_EventsBeforeAndWhileDown_AllArriveInOrderAfterReconnect()
    {
        using var proxy = new TcpProxy(_broker.Port);
        await using var harness = await ServiceHarness.StartAsync(proxy.Port, o => o.ReconnectDelayMaximum = TimeSpan.FromSeconds(1), peerPort: _broker.Port);
        for (var i = 0; i < 50; i++)
        {
            harness.Service.Enqueue(Event(TelemetryEventKind.AccessGranted));
        }

        await harness.Peer.WaitForAsync(list => list.Count(m => m.Topic == harness.Topics.Events) == 50);
        var down = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Service.ConnectionChanged += (_, _) => (harness.Service.IsConnected ? up : down).TrySetResult();

        proxy.Sever();
        await down.Task.WaitAsync(ConditionTimeout);
        for (var i = 0; i < 50; i++)
        {
            harness.Service.Enqueue(Event(i % 10 == 0 ? TelemetryEventKind.DoorForced : TelemetryEventKind.AccessDenied));
        }

        await up.Task.WaitAsync(ConditionTimeout);
        // QoS 1 is at least once: a message whose acknowledgement the cut lost comes again.
        await harness.Peer.WaitForAsync(list => Sequences(list.Where(m => m.Topic == harness.Topics.Events)).Distinct().Count() == 100);

        var sequences = Sequences(harness.Peer.On(harness.Topics.Events)).Distinct().Order().ToArray();
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), sequences);
        Assert.Equal(0, harness.Service.DroppedEvents);
    }

    private static TelemetryEvent Event(TelemetryEventKind kind) => new(kind, DateTimeOffset.UnixEpoch, "front", "tamper");

    private static long[] Sequences(IEnumerable<GateController.Telemetry.Mqtt.MqttMessage> messages) =>
        [.. messages.Select(m => JsonDocument.Parse(m.Payload).RootElement.GetProperty("sequence").GetInt64())];
}
