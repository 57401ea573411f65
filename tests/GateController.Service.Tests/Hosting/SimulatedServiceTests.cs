using GateController.Core.Credentials;
using GateController.Hardware.Door;
using GateController.Service.Boards;
using GateController.Storage;
using GateController.Storage.Audit;
using GateController.Storage.Keys;

namespace GateController.Service.Tests.Hosting;

/// <summary>gatecontrollerd on the simulated board: READY=1, the door path deciding real Wiegand edges, degraded face, STOPPING=1.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SimulatedServiceTests
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(10);

    private const string FaceOff = "\"Face\": { \"Enabled\": false }";

    [Fact]
    public async Task StartAsync_SimulatedBoard_SendsReadyOnceTheDoorPathIsLive()
    {
        await using var service = new ServiceUnderTest(FaceOff);

        var messages = await service.StartAsync();

        Assert.Contains("READY=1", messages[^1], StringComparison.Ordinal);
        Assert.True(service.Host!.Readiness.DoorPath.IsCompletedSuccessfully);
        Assert.NotNull(await service.Host.Readiness.DoorPath);
        Assert.Contains("door path live on the simulated board", service.Output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TapCardAsync_KnownCard_GrantedAndRelayLineGoesHigh()
    {
        await using var service = new ServiceUnderTest(FaceOff);
        await service.StartAsync();
        var board = Assert.IsType<SimulatedGateBoard>(service.Host!.Board);
        Assert.False(board.RelayLineHigh);

        var step = await service.Host.Readiness.Simulation!.TapCardAsync(CardFormat.Wiegand26, ServiceUnderTest.KnownCard, StepTimeout, CancellationToken.None);

        var decision = Assert.Single(step.Decisions);
        Assert.True(decision.Granted);
        Assert.Equal("card", decision.Method);
        Assert.Equal(ServiceUnderTest.Resident.ToString(), decision.Resident);
        Assert.True(step.State.LockReleased);
        Assert.True(board.RelayLineHigh);
        Assert.Contains("Unlocked", step.DoorEvents);
    }

    [Fact]
    public async Task TapCardAsync_UnknownCard_DeniedAndRecordedWithoutTheUid()
    {
        await using var service = new ServiceUnderTest(FaceOff);
        await service.StartAsync();

        var step = await service.Host!.Readiness.Simulation!.TapCardAsync(CardFormat.Wiegand26, [0x0A, 0x0B, 0x0C], StepTimeout, CancellationToken.None);

        var decision = Assert.Single(step.Decisions);
        Assert.False(decision.Granted);
        Assert.Equal("unknown-credential", decision.Reason);
        Assert.Null(decision.Resident);
        Assert.False(step.State.LockReleased);
        Assert.False(((SimulatedGateBoard)service.Host.Board!).RelayLineHigh);
        var events = await service.AdminAsync("events");
        Assert.Contains("unknown-credential", events.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("0A0B0C", events.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task PressKeysAsync_KnownPinOnTheWiegandKeypad_Granted()
    {
        await using var service = new ServiceUnderTest(FaceOff);
        await service.StartAsync();

        var step = await service.Host!.Readiness.Simulation!.PressKeysAsync(ServiceUnderTest.KnownPin + "#", StepTimeout, CancellationToken.None);

        var decision = Assert.Single(step.Decisions);
        Assert.True(decision.Granted, decision.Reason);
        Assert.Equal("pin", decision.Method);
        Assert.True(step.State.LockReleased);
    }

    [Fact]
    public async Task SetInputAsync_FireAlarm_ReleasesTheLock()
    {
        await using var service = new ServiceUnderTest(FaceOff);
        await service.StartAsync();

        var step = await service.Host!.Readiness.Simulation!.SetInputAsync(DoorInputKind.FireAlarm, active: true, StepTimeout, CancellationToken.None);

        Assert.True(step.State.FireAlarm);
        Assert.True(step.State.LockReleased);
        Assert.Contains("FireReleaseStarted", step.DoorEvents);
    }

    [Fact]
    public async Task Start_FaceModelsMissing_FaceDegradedCardStillWorksAndStatusShowsIt()
    {
        var models = Path.Combine(Path.GetTempPath(), "gc-no-models-" + Guid.NewGuid().ToString("N"));
        await using var service = new ServiceUnderTest($$"""
            "Face": { "Enabled": true, "ModelDirectory": "{{models}}" }
            """);
        await service.StartAsync();

        var step = await service.Host!.Readiness.Simulation!.TapCardAsync(CardFormat.Wiegand26, ServiceUnderTest.KnownCard, StepTimeout, CancellationToken.None);
        var status = await service.AdminAsync("status");

        Assert.True(Assert.Single(step.Decisions).Granted);
        Assert.True(service.Host.Degraded.IsDegraded("face"));
        Assert.Equal("degraded", (string)status["result"]!["state"]!);
        Assert.Contains("\"subsystem\":\"face\"", status["result"]!["degraded"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("running without face recognition", service.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StopAsync_CleanStop_SendsStoppingAndExitsZero()
    {
        await using var service = new ServiceUnderTest(FaceOff);
        await service.StartAsync();
        await service.AdminAsync("status");

        var status = await service.StopAsync();
        var messages = await service.Notify.WaitForAsync("STOPPING=1", TimeSpan.FromSeconds(10));

        Assert.Equal(0, status);
        Assert.Contains(messages, m => m.Contains("STOPPING=1", StringComparison.Ordinal));
        Assert.Contains("gatecontrollerd: stopped", service.Output.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(service.SocketPath));
    }

    [Fact]
    public async Task DoorRelease_AdminCommand_ReleasesTheDoorAndIsAudited()
    {
        await using var service = new ServiceUnderTest(FaceOff);
        await service.StartAsync();

        var reply = await service.AdminAsync("door.release");
        var released = service.Host!.Readiness.Simulation!.ReadState().LockReleased;
        await service.StopAsync();

        Assert.True((bool)reply["ok"]!, reply.ToJsonString());
        Assert.True(released);
        using var key = DeviceKeyFile.Load(service.KeyFile);
        using var store = GateStore.Open(new GateStoreOptions { DataDirectory = service.DataDirectory, WalReserveKilobytes = 0 }, key, TimeProvider.System);
        Assert.Contains(store.ReadAudit(0, 1000), entry => entry.Action == AuditAction.ManualRelease && entry.OperatorId == ServiceUnderTest.Operator);
    }
}
