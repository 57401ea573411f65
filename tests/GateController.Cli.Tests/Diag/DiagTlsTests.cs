using System.Text.Json.Nodes;

namespace GateController.Cli.Tests.Diag;

/// <summary>
/// Telemetry, <c>gatectl diag</c> and <c>gatectl diag send</c> over TLS against a real mosquitto that requires client
/// certificates, with a CA, server and client certificates made in the test; a CA that did not sign the server's
/// certificate is refused with a clear error.
/// </summary>
public sealed class DiagTlsTests : IDisposable
{
    private readonly DiagCertificates _certificates = DiagCertificates.Create();
    private readonly MosquittoBroker _broker;
    private readonly int _tlsPort = MosquittoBroker.FreePort();

    public DiagTlsTests()
    {
        _broker = new MosquittoBroker(
            $"""
            user root
            listener {_tlsPort} 127.0.0.1
            cafile {_certificates.CaCertificate}
            certfile {_certificates.ServerCertificate}
            keyfile {_certificates.ServerKey}
            require_certificate true
            """);
        _broker.Start();
    }

    [Fact]
    public async Task DiagJsonAndSend_OverTls_UnitPublishesOverTlsAndTechnicianCommandsIt()
    {
        await using var unit = await DiagSendTests.StartUnitAsync(_tlsPort, o =>
        {
            o.TlsCaFile = _certificates.CaCertificate;
            o.TlsCertificateFile = _certificates.ClientCertificate;
            o.TlsKeyFile = _certificates.ClientKey;
        });
        var keyFile = Path.Combine(_certificates.Directory, "tech.key");
        await File.WriteAllTextAsync(keyFile, Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()));
        string[] tls = ["--broker", $"127.0.0.1:{_tlsPort}", "--tls-ca", _certificates.CaCertificate, "--tls-cert", _certificates.ClientCertificate, "--tls-key", _certificates.ClientKey];

        var watch = await DiagSendTests.RunAsync(["diag", "--unit", unit.UnitId, "--json", "--count", "1", .. tls]);
        var send = await DiagSendTests.RunAsync(["diag", "send", "ping", "--unit", unit.UnitId, "--technician", "tech-1", "--key-file", keyFile, .. tls]);

        Assert.Equal(0, watch.Status);
        var line = JsonNode.Parse(watch.Output)!;
        Assert.Equal("status", (string)line["kind"]!);
        Assert.Equal("online", (string)line["document"]!);
        Assert.Equal(0, send.Status);
        Assert.Equal("ping: pong" + Environment.NewLine, send.Output);
    }

    [Fact]
    public async Task Diag_CaThatDidNotSignTheServer_RefusedWithCertificateError()
    {
        var (status, _, error) = await DiagSendTests.RunAsync(
            "diag", "--json", "--count", "1", "--broker", $"127.0.0.1:{_tlsPort}",
            "--tls-ca", _certificates.OtherCaCertificate, "--tls-cert", _certificates.ClientCertificate, "--tls-key", _certificates.ClientKey);

        Assert.Equal(GatectlCommandLine.ExitUnavailable, status);
        Assert.StartsWith($"gatectl: cannot reach the MQTT broker 127.0.0.1:{_tlsPort}: ", error, StringComparison.Ordinal);
        Assert.Contains("certificate verify failed", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiagSend_NoClientCertificate_RefusedByTheBroker()
    {
        var keyFile = Path.Combine(_certificates.Directory, "tech2.key");
        await File.WriteAllTextAsync(keyFile, Convert.ToBase64String(new byte[32]));

        var (status, _, error) = await DiagSendTests.RunAsync(
            "diag", "send", "ping", "--unit", "u1", "--technician", "t", "--key-file", keyFile, "--timeout", "10",
            "--broker", $"127.0.0.1:{_tlsPort}", "--tls-ca", _certificates.CaCertificate);

        Assert.Equal(GatectlCommandLine.ExitUnavailable, status);
        Assert.StartsWith($"gatectl: cannot reach the MQTT broker 127.0.0.1:{_tlsPort}: ", error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _broker.Dispose();
        _certificates.Dispose();
    }
}
