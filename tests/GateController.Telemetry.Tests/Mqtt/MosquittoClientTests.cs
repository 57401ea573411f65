using System.Text;
using GateController.Telemetry.Mqtt;
using GateController.Telemetry.Tests.Support;

namespace GateController.Telemetry.Tests.Mqtt;

public sealed class MosquittoClientTests : IClassFixture<BrokerFixture>
{
    private readonly BrokerFixture _broker;

    public MosquittoClientTests(BrokerFixture broker) => _broker = broker;

    [Fact]
    public void LibraryVersion_IsMosquitto2()
    {
        Assert.Equal(2, MosquittoClient.LibraryVersion.Major);
    }

    [Fact]
    public async Task Publish_BinaryPayloadQos1_PeerReceivesExactBytes()
    {
        var topic = "t/" + Guid.NewGuid().ToString("N");
        using var peer = await MessageCollector.StartAsync(_broker.Port, topic);
        using var client = await ConnectedClientAsync();
        byte[] payload = [0x00, 0xFF, 0x10, 0x00, 0x7F];

        client.Publish(topic, payload, MqttQualityOfService.AtLeastOnce, retain: false);

        var received = await peer.WaitForTopicAsync(topic);
        Assert.Equal(payload, received.Payload.ToArray());
        Assert.Equal(MqttQualityOfService.AtLeastOnce, received.QualityOfService);
        Assert.False(received.Retained);
    }

    [Fact]
    public async Task Publish_Retained_LateSubscriberSeesRetainedFlag()
    {
        var topic = "t/" + Guid.NewGuid().ToString("N");
        using (var client = await ConnectedClientAsync())
        {
            var acknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            client.Published += (_, _) => acknowledged.TrySetResult();
            client.Publish(topic, "kept"u8, MqttQualityOfService.AtLeastOnce, retain: true);
            await acknowledged.Task.WaitAsync(MessageCollector.WaitTimeout);
        }

        using var peer = await MessageCollector.StartAsync(_broker.Port, topic);
        var received = await peer.WaitForTopicAsync(topic);

        Assert.True(received.Retained);
        Assert.Equal("kept", MessageCollector.Text(received));
    }

    [Fact]
    public void TryPublish_NeverConnected_ReturnsNoConnection()
    {
        using var client = new MosquittoClient("offline-" + Guid.NewGuid().ToString("N"));

        var sent = client.TryPublish("t/offline", "x"u8, MqttQualityOfService.AtMostOnce, false, out _, out var error);

        Assert.False(sent);
        Assert.Equal(MosquittoErrorCode.NoConnection, error);
    }

    [Fact]
    public void Connect_NothingListening_ThrowsWithCodeAndLibraryText()
    {
        using var client = new MosquittoClient("refused-" + Guid.NewGuid().ToString("N"));

        var exception = Assert.Throws<MosquittoException>(() => client.Connect("127.0.0.1", MosquittoBroker.FreePort(), 30));

        Assert.Equal(MosquittoErrorCode.Errno, exception.ErrorCode);
        Assert.Equal("mosquitto_connect", exception.Operation);
        Assert.Contains("mosq_err 14", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_InvalidTopicWildcard_ThrowsArgumentException()
    {
        using var client = new MosquittoClient("bad-topic-" + Guid.NewGuid().ToString("N"));

        Assert.Throws<ArgumentException>(() => client.Publish("t/+/x", "x"u8, MqttQualityOfService.AtMostOnce, false));
    }

    [Fact]
    public async Task MessageHandler_Throws_FaultContainedAndLaterMessagesStillDelivered()
    {
        var topic = "t/" + Guid.NewGuid().ToString("N");
        using var receiver = await ConnectedClientAsync();
        var received = new List<string>();
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var faulted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.CallbackFaulted += (_, e) => faulted.TrySetResult();
        receiver.MessageReceived += (_, e) =>
        {
            var text = Encoding.UTF8.GetString(e.Message.Payload.Span);
            lock (received)
            {
                received.Add(text);
            }

            if (text == "first")
            {
                throw new InvalidOperationException("handler bug");
            }

            second.TrySetResult();
        };
        receiver.Subscribe(topic, MqttQualityOfService.AtLeastOnce);
        using var sender = await ConnectedClientAsync();

        // Publish until the subscription is live, then the second message.
        sender.Publish(topic, "first"u8, MqttQualityOfService.AtLeastOnce, retain: true);
        await faulted.Task.WaitAsync(MessageCollector.WaitTimeout);
        sender.Publish(topic, "second"u8, MqttQualityOfService.AtLeastOnce, retain: false);
        await second.Task.WaitAsync(MessageCollector.WaitTimeout);

        Assert.Equal(1, receiver.CallbackFaults);
        Assert.Contains("second", received);
        sender.Publish(topic, ReadOnlySpan<byte>.Empty, MqttQualityOfService.AtLeastOnce, retain: true);
    }

    [Fact]
    public async Task Will_ConnectionResetWithoutDisconnect_BrokerPublishesWill()
    {
        var topic = "t/" + Guid.NewGuid().ToString("N");
        using var peer = await MessageCollector.StartAsync(_broker.Port, topic);
        using var proxy = new TcpProxy(_broker.Port);
        using var client = new MosquittoClient("will-" + Guid.NewGuid().ToString("N"));
        client.SetWill(topic, "gone"u8, MqttQualityOfService.AtLeastOnce, retain: false);
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Connected += (_, _) => connected.TrySetResult();
        client.StartConnect("127.0.0.1", proxy.Port, 30);
        client.StartLoop();
        await connected.Task.WaitAsync(MessageCollector.WaitTimeout);

        proxy.Sever();

        var will = await peer.WaitForTopicAsync(topic);
        Assert.Equal("gone", MessageCollector.Text(will));
    }

    [Fact]
    public async Task Disconnect_Clean_WillNotPublished()
    {
        var topic = "t/" + Guid.NewGuid().ToString("N");
        var marker = topic + "/marker";
        using var peer = await MessageCollector.StartAsync(_broker.Port, topic, marker);
        var client = new MosquittoClient("clean-" + Guid.NewGuid().ToString("N"));
        client.SetWill(topic, "gone"u8, MqttQualityOfService.AtLeastOnce, retain: false);
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var disconnected = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Connected += (_, _) => connected.TrySetResult();
        client.Disconnected += (_, e) => disconnected.TrySetResult(e.ResultCode);
        client.StartConnect("127.0.0.1", _broker.Port, 30);
        client.StartLoop();
        await connected.Task.WaitAsync(MessageCollector.WaitTimeout);

        Assert.True(client.Disconnect());
        Assert.Equal(0, await disconnected.Task.WaitAsync(MessageCollector.WaitTimeout));
        client.Dispose();
        using (var other = await ConnectedClientAsync())
        {
            other.Publish(marker, "after"u8, MqttQualityOfService.AtLeastOnce, false);
            await peer.WaitForTopicAsync(marker);
        }

        Assert.Empty(peer.On(topic));
    }

    [Fact]
    public async Task TryStartConnect_BrokerDownThenStarted_RetrySucceeds()
    {
        using var broker = new MosquittoBroker();
        using var client = new MosquittoClient("late-" + Guid.NewGuid().ToString("N"));
        client.SetReconnectDelay(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), exponentialBackoff: false);
        var connected = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Connected += (_, e) => connected.TrySetResult(e.ResultCode);

        var first = client.TryStartConnect("127.0.0.1", broker.Port, 30, out var error);
        broker.Start();
        var second = client.TryStartConnect("127.0.0.1", broker.Port, 30, out _);
        client.StartLoop();

        Assert.False(first);
        Assert.Equal(MosquittoErrorCode.Errno, error);
        Assert.True(second);
        Assert.Equal(0, await connected.Task.WaitAsync(MessageCollector.WaitTimeout));
    }

    [Fact]
    public async Task Loop_BrokerRestarted_ReconnectsByItself()
    {
        using var broker = new MosquittoBroker();
        broker.Start();
        using var client = new MosquittoClient("restart-" + Guid.NewGuid().ToString("N"));
        client.SetReconnectDelay(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), exponentialBackoff: false);
        var connects = 0;
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var again = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Connected += (_, _) =>
        {
            var count = Interlocked.Increment(ref connects);
            (count == 1 ? first : again).TrySetResult();
        };
        client.Disconnected += (_, _) => lost.TrySetResult();
        client.StartConnect("127.0.0.1", broker.Port, 30);
        client.StartLoop();
        await first.Task.WaitAsync(MessageCollector.WaitTimeout);

        broker.Stop();
        await lost.Task.WaitAsync(MessageCollector.WaitTimeout);
        broker.Start();

        await again.Task.WaitAsync(MessageCollector.WaitTimeout);
        Assert.Equal(2, Volatile.Read(ref connects));
    }

    [Fact]
    public void Dispose_LoopRunningBrokerUnreachable_Returns()
    {
        var client = new MosquittoClient("unreachable-" + Guid.NewGuid().ToString("N"));
        client.SetReconnectDelay(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), exponentialBackoff: true);
        client.TryStartConnect("127.0.0.1", MosquittoBroker.FreePort(), 30, out _);
        client.StartLoop();

        client.Dispose();

        Assert.Throws<ObjectDisposedException>(() => client.Subscribe("t/x", MqttQualityOfService.AtMostOnce));
    }

    private async Task<MosquittoClient> ConnectedClientAsync()
    {
        var client = new MosquittoClient("c-" + Guid.NewGuid().ToString("N"));
        var connected = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Connected += (_, e) => connected.TrySetResult(e.ResultCode);
        client.StartConnect("127.0.0.1", _broker.Port, 30);
        client.StartLoop();
        Assert.Equal(0, await connected.Task.WaitAsync(MessageCollector.WaitTimeout));
        return client;
    }
}
