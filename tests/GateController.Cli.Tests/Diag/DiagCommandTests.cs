using System.Text.Json.Nodes;
using GateController.Core.Credentials;
using GateController.Telemetry;
using GateController.Telemetry.Commands;
using GateController.Telemetry.Events;
using GateController.Telemetry.Health;
using GateController.Telemetry.Mqtt;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Cli.Tests.Diag;

/// <summary>gatectl diag against a real mosquitto on loopback, fed by a real TelemetryService.</summary>
public sealed class DiagCommandTests
{
    [Fact]
    public async Task DiagJson_TelemetryServicePublishes_EveryDocumentOneLine()
    {
        using var broker = StartBroker();
        var unit = UniqueUnit();
        await using var service = await StartServiceAsync(broker.Port, unit, DiagSamples.Health(unit) with { FirmwareVersion = string.Empty });
        var output = new WatchedWriter();
        var error = new WatchedWriter();

        var run = DiagAsync(output, error, "--broker", $"127.0.0.1:{broker.Port}", "--unit", unit, "--json", "--count", "4");
        await output.WaitForAsync("\"kind\":\"status\"", "\"kind\":\"health\"");
        var now = DateTimeOffset.UtcNow;
        service.Service.Enqueue(new TelemetryEvent(TelemetryEventKind.AccessGranted, now, "front") { Method = CredentialKind.Card });
        service.Service.Enqueue(new TelemetryEvent(TelemetryEventKind.DoorForced, now, "front"));

        Assert.Equal(0, await run);
        var lines = output.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!).ToList();
        Assert.Equal(4, lines.Count);
        Assert.All(lines, line => Assert.Equal(unit, (string)line["unit"]!));
        var status = Assert.Single(lines, l => (string)l["kind"]! == "status");
        Assert.Equal(TelemetryStatus.Online, (string)status["document"]!);
        Assert.True((bool)status["retained"]!);
        var health = Assert.Single(lines, l => (string)l["kind"]! == "health")["document"]!;
        Assert.Equal("2.0.1", (string)health["firmwareVersion"]!);
        Assert.Equal(321, (long)health["readers"]![0]!["goodFrames"]!);
        var events = lines.Where(l => (string)l["kind"]! == "event").Select(l => l["document"]!).ToList();
        Assert.Equal(["AccessGranted", "DoorForced"], events.Select(e => (string)e["kind"]!));
        Assert.Equal([false, true], events.Select(e => (bool)e["alarm"]!));
        Assert.Equal(string.Empty, error.Text);
    }

    [Fact]
    public async Task DiagTable_TwoUnits_OnlineOfflineDegradedAndAlarmInLastFrame()
    {
        using var broker = StartBroker();
        var online = UniqueUnit();
        var offline = UniqueUnit();
        await using var service = await StartServiceAsync(broker.Port, online, DiagSamples.Health(online, degraded: true) with { FirmwareVersion = string.Empty });
        await PublishRetainedAsync(broker.Port, ($"gatecontroller/{offline}/status", "offline"u8.ToArray()), ($"gatecontroller/{offline}/health", DiagSamples.HealthJson(DiagSamples.Health(offline))));
        var output = new WatchedWriter();
        var error = new WatchedWriter();

        var run = DiagAsync(output, error, "--broker", $"127.0.0.1:{broker.Port}", "--count", "5");
        await output.WaitForAsync("OFFLINE", "online", "2.0.1", "1.4.2", "FACE: model file missing");
        service.Service.Enqueue(new TelemetryEvent(TelemetryEventKind.Tamper, DateTimeOffset.UtcNow, "front", "reader-cover-open"));

        Assert.Equal(0, await run);
        var frames = output.Text.Split("gatectl diag  ", StringSplitOptions.RemoveEmptyEntries);
        var last = frames[^1].Split('\n');
        Assert.StartsWith($"127.0.0.1:{broker.Port}  all units", last[0], StringComparison.Ordinal);
        var rows = last.Skip(2).TakeWhile(line => line.Length > 0).OrderBy(row => row.StartsWith(online, StringComparison.Ordinal) ? 0 : 1).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Matches($"^{online} +online +2\\.0\\.1 ", rows[0]);
        Assert.Contains("FACE: model file missing", rows[0], StringComparison.Ordinal);
        Assert.Matches($"^{offline} +OFFLINE +1\\.4\\.2 ", rows[1]);
        Assert.EndsWith("none", rows[1], StringComparison.Ordinal);
        Assert.Contains(last, line => line.StartsWith("!! ALARM ", StringComparison.Ordinal) && line.Contains($"{online}  Tamper  door front  reader-cover-open", StringComparison.Ordinal));
        Assert.DoesNotContain("\u001b[", output.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiagJson_MalformedDocuments_SkippedWithNoteAndStreamGoesOn()
    {
        using var broker = StartBroker();
        var unit = UniqueUnit();
        await PublishRetainedAsync(broker.Port, ($"gatecontroller/{unit}/status", "online"u8.ToArray()), ($"gatecontroller/{unit}/health", "{\"uptimeSeconds\": oops"u8.ToArray()));
        var output = new WatchedWriter();
        var error = new WatchedWriter();

        var run = DiagAsync(output, error, "--broker", $"127.0.0.1:{broker.Port}", "--unit", unit, "--json", "--count", "2");
        await error.WaitForAsync($"skipped a malformed health document from {unit}");
        await PublishAsync(broker.Port, ($"gatecontroller/{unit}/events", [0xFF, 0x00, 0xC3, 0x28]), ($"gatecontroller/{unit}/events", DiagSamples.EventJson(3, "Lockout", alarm: true)));

        Assert.Equal(0, await run);
        Assert.Contains($"gatectl: skipped a malformed event from {unit}", error.Text, StringComparison.Ordinal);
        var kinds = output.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => (string)JsonNode.Parse(line)!["kind"]!).ToList();
        Assert.Equal(["status", "event"], kinds);
    }

    [Fact]
    public async Task Diag_BrokerDown_ClearErrorAndUnavailableExit()
    {
        var port = MosquittoBroker.FreePort();
        var output = new WatchedWriter();
        var error = new WatchedWriter();

        var status = await DiagAsync(output, error, "--broker", $"127.0.0.1:{port}");

        Assert.Equal(GatectlCommandLine.ExitUnavailable, status);
        Assert.StartsWith($"gatectl: cannot reach the MQTT broker 127.0.0.1:{port}: ", error.Text, StringComparison.Ordinal);
        Assert.Contains("refused", error.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, error.Text.Count(c => c == '\n'));
    }

    [Theory]
    [InlineData("--count", "0")]
    [InlineData("--count", "many")]
    [InlineData("--count", "2", "--duration", "5")]
    [InlineData("--duration", "-1")]
    [InlineData("--duration", "NaN")]
    [InlineData("--broker", "host:99999")]
    [InlineData("--broker", "::1")]
    [InlineData("--unit", "gate/1")]
    [InlineData("--tls-cert", "client.crt")]
    [InlineData("--tls-ca", "/nonexistent/ca.crt")]
    [InlineData("--password-file", "password.txt")]
    [InlineData("--username", "tech", "--password-file", "/nonexistent/password")]
    public async Task Diag_BadArguments_UsageExitBeforeConnecting(params string[] arguments)
    {
        var output = new WatchedWriter();
        var error = new WatchedWriter();

        var status = await DiagAsync(output, error, ["--broker", "127.0.0.1:1", .. arguments]);

        Assert.Equal(GatectlCommandLine.ExitUsage, status);
        Assert.StartsWith("gatectl: ", error.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("cannot reach", error.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiagTable_DurationElapses_StopsWithSuccess()
    {
        using var broker = StartBroker();
        var unit = UniqueUnit();
        await PublishRetainedAsync(broker.Port, ($"gatecontroller/{unit}/status", "stopped"u8.ToArray()));
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var output = new WatchedWriter();
        var error = new WatchedWriter();

        var run = GatectlCommandLine.RunAsync(["diag", "--broker", $"127.0.0.1:{broker.Port}", "--unit", unit, "--duration", "30"], output, error, new GatectlEnvironment { Time = time }, CancellationToken.None);
        await output.WaitForAsync($"unit {unit}", "stopped");
        Assert.False(run.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal(string.Empty, error.Text);
    }

    private static Task<int> DiagAsync(WatchedWriter output, WatchedWriter error, params string[] arguments) =>
        GatectlCommandLine.RunAsync(["diag", .. arguments], output, error, new GatectlEnvironment(), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

    private static string UniqueUnit() => "gate-" + Guid.NewGuid().ToString("N")[..8];

    private static MosquittoBroker StartBroker()
    {
        var broker = new MosquittoBroker();
        broker.Start();
        return broker;
    }

    private static Task PublishRetainedAsync(int port, params (string Topic, byte[] Payload)[] messages) => PublishAsync(port, retain: true, messages);

    private static Task PublishAsync(int port, params (string Topic, byte[] Payload)[] messages) => PublishAsync(port, retain: false, messages);

    /// <summary>Publishes with QoS 1 and waits for the broker's acknowledgement of every message.</summary>
    private static async Task PublishAsync(int port, bool retain, (string Topic, byte[] Payload)[] messages)
    {
        using var client = new MosquittoClient("diag-test-" + Guid.NewGuid().ToString("N")[..8]);
        var acknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var count = 0;
        client.Published += (_, _) =>
        {
            if (Interlocked.Increment(ref count) == messages.Length)
            {
                acknowledged.TrySetResult();
            }
        };
        client.Connect("127.0.0.1", port, 30);
        client.StartLoop();
        foreach (var (topic, payload) in messages)
        {
            client.Publish(topic, payload, MqttQualityOfService.AtLeastOnce, retain);
        }

        await acknowledged.Task.WaitAsync(TimeSpan.FromSeconds(20));
        client.Disconnect();
    }

    private static async Task<RunningService> StartServiceAsync(int port, string unit, HealthDocument health)
    {
        var options = new TelemetryOptions { UnitId = unit, BrokerHost = "127.0.0.1", BrokerPort = port, FirmwareVersion = "2.0.1" };
        var service = new TelemetryService(options, () => health, new TelemetryCommandHandlers(), _ => { }, TimeProvider.System);
        var online = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        service.ConnectionChanged += (_, _) =>
        {
            if (service.IsConnected)
            {
                online.TrySetResult();
            }
        };
        await service.StartAsync(CancellationToken.None);
        await online.Task.WaitAsync(TimeSpan.FromSeconds(20));
        return new RunningService(service);
    }

    private sealed class RunningService(TelemetryService service) : IAsyncDisposable
    {
        public TelemetryService Service { get; } = service;

        public async ValueTask DisposeAsync()
        {
            await Service.StopAsync(CancellationToken.None);
            Service.Dispose();
        }
    }
}
