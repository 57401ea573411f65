using System.Diagnostics;
using GateController.Core.Credentials;
using GateController.Service.Tests.Hosting;

namespace GateController.Service.Tests.Mqtt;

/// <summary>gatecontrollerd's MQTT side against a real mosquitto on loopback: status online/stopped/offline, and a dead broker.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ServiceTelemetryTests
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(10);

    private static string TelemetrySection(int port, string unitId) => $$"""
        "Face": { "Enabled": false },
        "Telemetry": { "Enabled": true, "UnitId": "{{unitId}}", "BrokerHost": "127.0.0.1", "BrokerPort": {{port}} }
        """;

    [Fact]
    public async Task Start_BrokerUnreachable_CardStillGrantedAndMqttDegraded()
    {
        var port = MosquittoBroker.FreePort();
        await using var service = new ServiceUnderTest(TelemetrySection(port, "unit-unreachable"));
        await service.StartAsync();

        var step = await service.Host!.Readiness.Simulation!.TapCardAsync(CardFormat.Wiegand26, ServiceUnderTest.KnownCard, StepTimeout, CancellationToken.None);
        var status = await service.AdminAsync("status");

        Assert.True(Assert.Single(step.Decisions).Granted);
        Assert.True(service.Host.Degraded.IsDegraded("mqtt"));
        Assert.Contains("\"subsystem\":\"mqtt\"", status["result"]!["degraded"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_RealBroker_RetainedOnlineThenStoppedOnCleanStop()
    {
        using var broker = new MosquittoBroker();
        broker.Start();
        await using var service = new ServiceUnderTest(TelemetrySection(broker.Port, "unit-clean"));
        await service.StartAsync();
        using var watcher = await MessageCollector.StartAsync(broker.Port, "gatecontroller/unit-clean/#");

        var online = await watcher.WaitForTopicAsync("gatecontroller/unit-clean/status", p => p == "online");
        var card = await service.Host!.Readiness.Simulation!.TapCardAsync(CardFormat.Wiegand26, ServiceUnderTest.KnownCard, StepTimeout, CancellationToken.None);
        var accessEvent = await watcher.WaitForTopicAsync("gatecontroller/unit-clean/events", p => p.Contains("granted", StringComparison.Ordinal));
        await service.StopAsync();
        var stopped = await watcher.WaitForTopicAsync("gatecontroller/unit-clean/status", p => p == "stopped");

        Assert.True(online.Retained || watcher.On("gatecontroller/unit-clean/status").Count > 0);
        Assert.True(Assert.Single(card.Decisions).Granted);
        Assert.DoesNotContain("123456", MessageCollector.Text(accessEvent), StringComparison.Ordinal);
        Assert.DoesNotContain("Li Wei", MessageCollector.Text(accessEvent), StringComparison.Ordinal);
        Assert.Equal("stopped", MessageCollector.Text(stopped));
    }

    [Fact]
    public async Task Kill_ServiceProcessSigkilled_BrokerDeliversTheLastWillOffline()
    {
        using var broker = new MosquittoBroker();
        broker.Start();
        await using var unit = new ServiceUnderTest(TelemetrySection(broker.Port, "unit-killed"));
        using var watcher = await MessageCollector.StartAsync(broker.Port, "gatecontroller/unit-killed/status");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "gatecontrollerd.dll"));
        start.ArgumentList.Add("--simulate");
        start.ArgumentList.Add("--config");
        start.ArgumentList.Add(unit.ConfigFile);
        using var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await watcher.WaitForTopicAsync("gatecontroller/unit-killed/status", p => p == "online");

            process.Kill(entireProcessTree: false);
            await process.WaitForExitAsync();
            var offline = await watcher.WaitForTopicAsync("gatecontroller/unit-killed/status", p => p == "offline");

            Assert.Equal("offline", MessageCollector.Text(offline));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }
}
