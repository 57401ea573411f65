using GateController.Telemetry.Mqtt;
using GateController.Telemetry.Tests.Support;

namespace GateController.Telemetry.Tests.Mqtt;

/// <summary>A broker with a plain listener for peers and a TLS listener (client certificates required) for the unit.</summary>
public sealed class TlsBrokerFixture : IDisposable
{
    public TlsBrokerFixture()
    {
        Certificates = TestCertificates.Create();
        TlsPort = MosquittoBroker.FreePort();
        Broker = new MosquittoBroker(
            $"""
            user root
            listener {TlsPort} 127.0.0.1
            cafile {Certificates.CaCertificate}
            certfile {Certificates.ServerCertificate}
            keyfile {Certificates.ServerKey}
            require_certificate true
            use_identity_as_username true
            """);
        Broker.Start();
    }

    public TestCertificates Certificates { get; }

    public MosquittoBroker Broker { get; }

    public int TlsPort { get; }

    public void Dispose()
    {
        Broker.Dispose();
        Certificates.Dispose();
    }
}

public sealed class MosquittoTlsTests : IClassFixture<TlsBrokerFixture>
{
    private readonly TlsBrokerFixture _fixture;

    public MosquittoTlsTests(TlsBrokerFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Connect_TlsWithClientCertificate_PublishReachesPlainPeer()
    {
        var topic = "tls/" + Guid.NewGuid().ToString("N");
        using var peer = await MessageCollector.StartAsync(_fixture.Broker.Port, topic);
        using var client = new MosquittoClient("tls-" + Guid.NewGuid().ToString("N"));
        client.ConfigureTls(_fixture.Certificates.CaCertificate, _fixture.Certificates.ClientCertificate, _fixture.Certificates.ClientKey);
        var connected = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Connected += (_, e) => connected.TrySetResult(e.ResultCode);

        client.Connect("127.0.0.1", _fixture.TlsPort, 30);
        client.StartLoop();
        Assert.Equal(0, await connected.Task.WaitAsync(MessageCollector.WaitTimeout));
        client.Publish(topic, "over tls"u8, MqttQualityOfService.AtLeastOnce, false);

        Assert.Equal("over tls", MessageCollector.Text(await peer.WaitForTopicAsync(topic)));
    }

    /// <summary>
    /// The handshake may fail inside mosquitto_connect (MOSQ_ERR_TLS) or, when the socket would block, on the
    /// network loop, which then ends and reports it only in the library log; either way no CONNACK.
    /// </summary>
    [Fact]
    public async Task Connect_ServerCertificateFromUntrustedCa_RefusedWithTlsError()
    {
        using var client = new MosquittoClient("tls-bad-ca-" + Guid.NewGuid().ToString("N"));
        client.ConfigureTls(_fixture.Certificates.OtherCaCertificate, _fixture.Certificates.ClientCertificate, _fixture.Certificates.ClientKey);
        var connected = 0;
        var verifyFailed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Connected += (_, _) => Interlocked.Increment(ref connected);
        client.LogReceived += (_, e) =>
        {
            if (e.Text.Contains("OpenSSL", StringComparison.Ordinal))
            {
                verifyFailed.TrySetResult();
            }
        };

        try
        {
            client.Connect("127.0.0.1", _fixture.TlsPort, 30);
            client.StartLoop();
        }
        catch (MosquittoException exception)
        {
            Assert.Equal(MosquittoErrorCode.Tls, exception.ErrorCode);
        }

        await verifyFailed.Task.WaitAsync(MessageCollector.WaitTimeout);
        Assert.Equal(0, Volatile.Read(ref connected));
    }

    [Fact]
    public void ConfigureTls_MissingCaFile_ThrowsWithLibraryCode()
    {
        using var client = new MosquittoClient("tls-missing-" + Guid.NewGuid().ToString("N"));

        var exception = Assert.Throws<MosquittoException>(() => client.ConfigureTls(Path.Combine(_fixture.Certificates.Directory, "absent.crt")));

        Assert.Equal(MosquittoErrorCode.InvalidArgument, exception.ErrorCode);
    }

    [Fact]
    public async Task Service_TlsOptions_StatusOnlineRetained()
    {
        await using var harness = await ServiceHarness.StartAsync(
            _fixture.TlsPort,
            o =>
            {
                o.TlsCaFile = _fixture.Certificates.CaCertificate;
                o.TlsCertificateFile = _fixture.Certificates.ClientCertificate;
                o.TlsKeyFile = _fixture.Certificates.ClientKey;
            },
            peerPort: _fixture.Broker.Port);

        var status = await harness.Peer.WaitForTopicAsync(harness.Topics.Status);
        Assert.Equal(TelemetryStatus.Online, MessageCollector.Text(status));
        Assert.Equal(1, harness.Service.ConnectCount);
    }

    /// <summary>
    /// A TLS error ends libmosquitto's loop thread for good — already the broker going away mid-session
    /// ("unexpected eof") does it, and so does a certificate the unit does not trust. The broker goes away, comes
    /// back with an untrusted certificate, then with the right one: the service's supervisor, driven by the
    /// clock, restarts the connection and the unit comes back online.
    /// </summary>
    [Fact]
    public async Task Service_LoopEndedByTlsFailure_SupervisorRestartsAndReconnects()
    {
        var tlsListener = (string certificate, string key) =>
            $"cafile {_fixture.Certificates.CaCertificate}\ncertfile {certificate}\nkeyfile {key}\nrequire_certificate true";
        var plainPort = MosquittoBroker.FreePort();
        using var broker = new MosquittoBroker($"user root\nlistener {plainPort} 127.0.0.1", tlsListener(_fixture.Certificates.ServerCertificate, _fixture.Certificates.ServerKey));
        broker.Start();
        await using var harness = await ServiceHarness.StartAsync(
            broker.Port,
            o =>
            {
                o.TlsCaFile = _fixture.Certificates.CaCertificate;
                o.TlsCertificateFile = _fixture.Certificates.ClientCertificate;
                o.TlsKeyFile = _fixture.Certificates.ClientKey;
                o.ReconnectDelayMaximum = TimeSpan.FromSeconds(1);
            },
            peerPort: plainPort);
        var down = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var upAgain = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var untrusted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Service.ConnectionChanged += (_, _) => (harness.Service.IsConnected ? upAgain : down).TrySetResult();
        harness.Service.ErrorLogged += (_, e) =>
        {
            if (e.Text.Contains("OpenSSL", StringComparison.Ordinal))
            {
                untrusted.TrySetResult();
            }
        };

        broker.Stop();
        await down.Task.WaitAsync(MessageCollector.WaitTimeout);
        broker.ListenerOptions = tlsListener(_fixture.Certificates.OtherServerCertificate, _fixture.Certificates.OtherServerKey);
        broker.Start();
        await untrusted.Task.WaitAsync(MessageCollector.WaitTimeout);
        broker.Stop();
        broker.ListenerOptions = tlsListener(_fixture.Certificates.ServerCertificate, _fixture.Certificates.ServerKey);
        broker.Start();

        harness.Time.Advance(TimeSpan.FromSeconds(10));
        await upAgain.Task.WaitAsync(MessageCollector.WaitTimeout);

        Assert.True(harness.Service.IsConnected);
        Assert.True(harness.Service.ConnectionRestarts >= 1);
    }
}
