using GateController.Telemetry.Tests.Support;

namespace GateController.Telemetry.Tests.Service;

public sealed class TelemetryServiceStatusTests : IClassFixture<BrokerFixture>
{
    private readonly BrokerFixture _broker;

    public TelemetryServiceStatusTests(BrokerFixture broker) => _broker = broker;

    [Fact]
    public async Task Start_Connected_StatusOnlineRetainedForLateSubscribers()
    {
        await using var harness = await ServiceHarness.StartAsync(_broker.Port);

        using var late = await MessageCollector.StartAsync(_broker.Port, harness.Topics.Status);
        var status = await late.WaitForTopicAsync(harness.Topics.Status);

        Assert.True(status.Retained);
        Assert.Equal(TelemetryStatus.Online, MessageCollector.Text(status));
    }

    [Fact]
    public async Task Start_Connected_IndependentClientMosquittoSubSeesRetainedOnline()
    {
        await using var harness = await ServiceHarness.StartAsync(_broker.Port);

        var (code, output) = await Task.Run(() => NativeProbe.Run("mosquitto_sub", $"-h 127.0.0.1 -p {_broker.Port} -t {harness.Topics.Status} -C 1 -W 10 -F %r:%p"));

        Assert.Equal(0, code);
        Assert.Equal("1:online", output.Trim());
    }

    [Fact]
    public async Task Stop_Clean_StatusStoppedRetainedAndWillNotSent()
    {
        await using var harness = await ServiceHarness.StartAsync(_broker.Port);

        await harness.StopAsync();

        await harness.Peer.WaitForTopicAsync(harness.Topics.Status, p => p == TelemetryStatus.Stopped);
        using var late = await MessageCollector.StartAsync(_broker.Port, harness.Topics.Status);
        var retained = await late.WaitForTopicAsync(harness.Topics.Status);
        Assert.Equal(TelemetryStatus.Stopped, MessageCollector.Text(retained));
        Assert.DoesNotContain(harness.Peer.On(harness.Topics.Status), m => MessageCollector.Text(m) == TelemetryStatus.Offline);
    }

    /// <summary>
    /// SIGKILL of the unit's process shows at the broker as a TCP connection closed by the kernel with no
    /// MQTT DISCONNECT. The relay reproduces exactly that for the service's real connection (RST, no
    /// DISCONNECT), so the broker must publish the will the service registered; then the service's loop
    /// reconnects and says online again.
    /// </summary>
    [Fact]
    public async Task ConnectionDroppedWithoutDisconnect_WillOfflineRetained_ThenOnlineAgain()
    {
        using var proxy = new TcpProxy(_broker.Port);
        await using var harness = await ServiceHarness.StartAsync(proxy.Port, peerPort: _broker.Port, configure: o => o.KeepAliveSeconds = 5);

        proxy.Sever();

        var will = await harness.Peer.WaitForTopicAsync(harness.Topics.Status, p => p == TelemetryStatus.Offline);
        Assert.True(will.QualityOfService == Telemetry.Mqtt.MqttQualityOfService.AtLeastOnce);
        await harness.Peer.WaitForAsync(list =>
            list.Where(m => m.Topic == harness.Topics.Status).Select(MessageCollector.Text).SkipWhile(p => p != TelemetryStatus.Offline).Contains(TelemetryStatus.Online));
        Assert.Equal(2, harness.Service.ConnectCount);
    }
}
