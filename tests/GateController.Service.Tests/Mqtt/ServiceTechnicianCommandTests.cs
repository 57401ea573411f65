using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GateController.Core.Consents;
using GateController.Core.Credentials;
using GateController.Service.Tests.Hosting;
using GateController.Storage;
using GateController.Storage.Keys;
using GateController.Storage.Records;
using GateController.Telemetry.Commands;
using GateController.Telemetry.Mqtt;

namespace GateController.Service.Tests.Mqtt;

/// <summary>
/// gatecontrollerd with a real mosquitto: technicians added and removed through the admin API command the unit at once
/// (no restart), a verified command records the technician's last use, <c>reload-configuration</c> and SIGHUP re-read
/// the configuration, and a withdrawal at the gate is published without the resident's id.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ServiceTechnicianCommandTests
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(20);

    private static string TelemetrySection(int port, string unitId, string extra = "") => $$"""
        "Face": { "Enabled": false },
        "Telemetry": { "Enabled": true, "UnitId": "{{unitId}}", "BrokerHost": "127.0.0.1", "BrokerPort": {{port}}{{extra}} }
        """;

    [Fact]
    public async Task TechnicianAdd_ThenSignedPing_PongWithoutRestartAndLastUseRecorded()
    {
        using var broker = new MosquittoBroker();
        broker.Start();
        await using var service = new ServiceUnderTest(TelemetrySection(broker.Port, "unit-tech-add"));
        await service.StartAsync();
        using var technician = await MessageCollector.StartAsync(broker.Port, "gatecontroller/unit-tech-add/reply/#", "gatecontroller/unit-tech-add/status");
        await technician.WaitForTopicAsync("gatecontroller/unit-tech-add/status", p => p == "online");

        var added = await AdminAsync(service, "technician.add", new JsonObject { ["id"] = "tech-7" });
        var key = Convert.FromBase64String(added["result"]!["key"]!.GetValue<string>());
        var reply = await SendAsync(technician, "unit-tech-add", "ping", "tech-7", key);
        var listed = await AdminAsync(service, "technician.list", []);

        Assert.True(reply.GetProperty("ok").GetBoolean(), reply.ToString());
        Assert.Equal("pong", reply.GetProperty("result").GetString());
        var entry = listed["result"]!["technicians"]!.AsArray().Single()!;
        Assert.Equal("tech-7", entry["id"]!.GetValue<string>());
        Assert.NotNull(entry["lastUsedAt"]);
        Assert.DoesNotContain(added["result"]!["key"]!.GetValue<string>(), listed.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TechnicianRemove_WhileRunning_NextCommandRefusedAsUnknown()
    {
        using var broker = new MosquittoBroker();
        broker.Start();
        await using var service = new ServiceUnderTest(TelemetrySection(broker.Port, "unit-tech-remove"));
        await service.StartAsync();
        using var technician = await MessageCollector.StartAsync(broker.Port, "gatecontroller/unit-tech-remove/reply/#", "gatecontroller/unit-tech-remove/status");
        await technician.WaitForTopicAsync("gatecontroller/unit-tech-remove/status", p => p == "online");
        var added = await AdminAsync(service, "technician.add", new JsonObject { ["id"] = "tech-8", ["mayReleaseDoor"] = true });
        var key = Convert.FromBase64String(added["result"]!["key"]!.GetValue<string>());
        Assert.True((await SendAsync(technician, "unit-tech-remove", "ping", "tech-8", key)).GetProperty("ok").GetBoolean());

        await AdminAsync(service, "technician.remove", new JsonObject { ["id"] = "tech-8" });
        var refused = await SendAsync(technician, "unit-tech-remove", "door-release", "tech-8", key);

        Assert.False(refused.GetProperty("ok").GetBoolean());
        Assert.Equal("unknown technician", refused.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("office")]
    [InlineData("technician")]
    [InlineData("guard")]
    public async Task TechnicianAdd_RoleOtherThanInstaller_RefusedAndAudited(string role)
    {
        await using var service = new ServiceUnderTest($$"""
            "Face": { "Enabled": false }
            """);
        var config = File.ReadAllText(service.ConfigFile).Replace("\"Role\": \"installer\"", $"\"Role\": \"{role}\"", StringComparison.Ordinal);
        File.WriteAllText(service.ConfigFile, config);
        await service.StartAsync();

        var reply = await AdminAsync(service, "technician.add", new JsonObject { ["id"] = "tech-9" });
        await service.StopAsync();

        Assert.False(reply["ok"]!.GetValue<bool>());
        Assert.Contains("ManageTechnicians", reply["error"]!.GetValue<string>(), StringComparison.Ordinal);
        using var key = DeviceKeyFile.Load(service.KeyFile);
        using var store = GateStore.Open(new GateStoreOptions { DataDirectory = service.DataDirectory, WalReserveKilobytes = 0 }, key, TimeProvider.System);
        Assert.Empty(store.ListTechnicians());
        Assert.Contains(store.ReadAudit(1, 1000), e => e.Detail is { } d && d.StartsWith("refused technician.add", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReloadOverMqtt_ValidChange_LiveSettingAppliedAndRestartSettingNamed()
    {
        using var broker = new MosquittoBroker();
        broker.Start();
        await using var service = new ServiceUnderTest(TelemetrySection(broker.Port, "unit-reload"));
        await service.StartAsync();
        using var technician = await MessageCollector.StartAsync(broker.Port, "gatecontroller/unit-reload/reply/#", "gatecontroller/unit-reload/status");
        await technician.WaitForTopicAsync("gatecontroller/unit-reload/status", p => p == "online");
        var key = Convert.FromBase64String((await AdminAsync(service, "technician.add", new JsonObject { ["id"] = "tech-r" }))["result"]!["key"]!.GetValue<string>());
        var config = File.ReadAllText(service.ConfigFile)
            .Replace("\"BrokerPort\": " + broker.Port, "\"BrokerPort\": " + broker.Port + ", \"PublishResidentIds\": true, \"KeepAliveSeconds\": 45", StringComparison.Ordinal);
        File.WriteAllText(service.ConfigFile, config);

        var reply = await SendAsync(technician, "unit-reload", CommandNames.ReloadConfiguration, "tech-r", key);

        Assert.True(reply.GetProperty("ok").GetBoolean(), reply.ToString());
        var result = reply.GetProperty("result").GetString()!;
        Assert.Contains("applied: Telemetry:PublishResidentIds", result, StringComparison.Ordinal);
        Assert.Contains("technician keys (1)", result, StringComparison.Ordinal);
        Assert.Contains("needing a restart: Telemetry:KeepAliveSeconds", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReloadOverMqtt_InvalidChange_EveryProblemRepliedAndCardsStillOpen()
    {
        using var broker = new MosquittoBroker();
        broker.Start();
        await using var service = new ServiceUnderTest(TelemetrySection(broker.Port, "unit-reload-bad"));
        await service.StartAsync();
        using var technician = await MessageCollector.StartAsync(broker.Port, "gatecontroller/unit-reload-bad/reply/#", "gatecontroller/unit-reload-bad/status");
        await technician.WaitForTopicAsync("gatecontroller/unit-reload-bad/status", p => p == "online");
        var key = Convert.FromBase64String((await AdminAsync(service, "technician.add", new JsonObject { ["id"] = "tech-r" }))["result"]!["key"]!.GetValue<string>());
        var config = File.ReadAllText(service.ConfigFile)
            .Replace("\"BrokerPort\": " + broker.Port, "\"BrokerPort\": 70000, \"KeepAliveSeconds\": 1", StringComparison.Ordinal);
        File.WriteAllText(service.ConfigFile, config);

        var reply = await SendAsync(technician, "unit-reload-bad", CommandNames.ReloadConfiguration, "tech-r", key);
        var card = await service.Host!.Readiness.Simulation!.TapCardAsync(CardFormat.Wiegand26, ServiceUnderTest.KnownCard, StepTimeout, CancellationToken.None);

        Assert.False(reply.GetProperty("ok").GetBoolean());
        var reason = reply.GetProperty("reason").GetString()!;
        Assert.StartsWith("configuration invalid, nothing changed", reason, StringComparison.Ordinal);
        Assert.Contains("BrokerPort", reason, StringComparison.Ordinal);
        Assert.Contains("KeepAliveSeconds", reason, StringComparison.Ordinal);
        Assert.True(Assert.Single(card.Decisions).Granted);
    }

    [Fact]
    public async Task WithdrawalAtTheGate_PublishedAsEventWithoutResidentId()
    {
        using var broker = new MosquittoBroker();
        broker.Start();
        await using var service = new ServiceUnderTest(TelemetrySection(broker.Port, "unit-withdraw"));
        using (var key = DeviceKeyFile.Load(service.KeyFile))
        using (var store = GateStore.Open(new GateStoreOptions { DataDirectory = service.DataDirectory, WalReserveKilobytes = 0 }, key, TimeProvider.System))
        {
            store.RecordConsent(new ConsentGrant(ServiceUnderTest.Resident, ConsentKind.Face, "2026-01", "notice", ConsentChannel.Office, "F-101", null, ServiceUnderTest.Operator));
        }

        await service.StartAsync();
        using var watcher = await MessageCollector.StartAsync(broker.Port, "gatecontroller/unit-withdraw/#");
        await watcher.WaitForTopicAsync("gatecontroller/unit-withdraw/status", p => p == "online");
        var simulation = service.Host!.Readiness.Simulation!;

        await simulation.TapCardAsync(CardFormat.Wiegand26, ServiceUnderTest.KnownCard, StepTimeout, CancellationToken.None);
        await simulation.PressKeysAsync("*7#", TimeSpan.FromSeconds(2), CancellationToken.None);
        await simulation.PressKeysAsync("1", TimeSpan.FromSeconds(2), CancellationToken.None);

        var published = await watcher.WaitForTopicAsync("gatecontroller/unit-withdraw/events", p => p.Contains("face-consent-withdrawn-at-gate", StringComparison.Ordinal));
        var document = JsonDocument.Parse(published.Payload).RootElement;
        Assert.Equal("FaceConsentWithdrawn", document.GetProperty("kind").GetString());
        Assert.False(document.GetProperty("alarm").GetBoolean());
        Assert.False(document.TryGetProperty("resident", out _));
        Assert.DoesNotContain(ServiceUnderTest.Resident.ToString(), MessageCollector.Text(published), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sighup_InvalidThenValidConfiguration_ProblemsLoggedProcessKeepsRunningThenRestartSettingNamed()
    {
        using var broker = new MosquittoBroker();
        broker.Start();
        await using var unit = new ServiceUnderTest(TelemetrySection(broker.Port, "unit-sighup"));
        using var watcher = await MessageCollector.StartAsync(broker.Port, "gatecontroller/unit-sighup/status");
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
        var received = System.Threading.Channels.Channel.CreateUnbounded<string>();
        void OnLine(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is { } line)
            {
                received.Writer.TryWrite(line);
            }
        }

        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await watcher.WaitForTopicAsync("gatecontroller/unit-sighup/status", p => p == "online");
            await WaitForLineAsync(received, "admin API on");
            var original = File.ReadAllText(unit.ConfigFile);
            File.WriteAllText(unit.ConfigFile, original.Replace("\"BrokerPort\": " + broker.Port, "\"BrokerPort\": 0", StringComparison.Ordinal));

            Signal(process.Id);
            var invalid = await WaitForLineAsync(received, "configuration invalid, nothing changed");
            File.WriteAllText(unit.ConfigFile, original.Replace("\"BrokerPort\": " + broker.Port, "\"BrokerPort\": " + broker.Port + ", \"KeepAliveSeconds\": 50", StringComparison.Ordinal));
            Signal(process.Id);
            var valid = await WaitForLineAsync(received, "configuration reloaded");

            Assert.Contains("BrokerPort", invalid, StringComparison.Ordinal);
            Assert.Contains("needing a restart: Telemetry:KeepAliveSeconds", valid, StringComparison.Ordinal);
            Assert.False(process.HasExited);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }
        }
    }

    private static void Signal(int processId)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-HUP", processId.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    private static async Task<string> WaitForLineAsync(System.Threading.Channels.Channel<string> received, string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var seen = new List<string>();
        try
        {
            while (true)
            {
                var line = await received.Reader.ReadAsync(timeout.Token);
                if (line.Contains(text, StringComparison.Ordinal))
                {
                    return line;
                }

                seen.Add(line);
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no line with '{text}' in: {string.Join(" | ", seen)}");
        }
    }

    private static async Task<JsonElement> SendAsync(MessageCollector technician, string unitId, string command, string technicianId, byte[] key)
    {
        var nonce = Guid.NewGuid().ToString("N");
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signature = CommandSigner.Sign(key, unitId, command, technicianId, timestamp, nonce, null);
        var payload = JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["technician"] = technicianId,
            ["timestamp"] = timestamp,
            ["nonce"] = nonce,
            ["signature"] = signature,
        });
        technician.Client.Publish($"gatecontroller/{unitId}/cmd/{command}", payload, MqttQualityOfService.AtLeastOnce, false);
        var reply = await technician.WaitForTopicAsync($"gatecontroller/{unitId}/reply/{command}", p => p.Contains(nonce, StringComparison.Ordinal));
        return JsonDocument.Parse(reply.Payload).RootElement.Clone();
    }

    private static async Task<JsonNode> AdminAsync(ServiceUnderTest service, string command, JsonObject args)
    {
        await service.Output.WaitForAsync("admin API on", TimeSpan.FromSeconds(30));
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(service.SocketPath));
        using var stream = new NetworkStream(socket);
        using var reader = new StreamReader(stream);
        var request = new JsonObject { ["command"] = command, ["operator"] = ServiceUnderTest.Operator, ["args"] = args };
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToJsonString() + "\n"));
        return JsonNode.Parse((await reader.ReadLineAsync())!)!;
    }
}
