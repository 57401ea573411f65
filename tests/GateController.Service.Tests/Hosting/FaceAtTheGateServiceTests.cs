using GateController.Core.Consents;
using GateController.Core.Credentials;
using GateController.Service.Face;
using GateController.Service.Tests.Face;
using GateController.Storage;
using GateController.Storage.Keys;
using GateController.Storage.Records;

namespace GateController.Service.Tests.Hosting;

/// <summary>
/// gatecontrollerd on the simulated board with the face models loaded: the face reader joins the door path, and a
/// resident withdraws face consent at the gate with their card and the keypad.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class FaceAtTheGateServiceTests
{
    private static readonly TimeSpan DecisionTimeout = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan NoDecisionTimeout = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task ShowFaceAsync_EnrolledConsentingResident_GrantedByFace()
    {
        await using var service = await StartWithEnrolledFaceAsync();
        var photo = WritePhoto(service, FaceGateFrames.Resident);

        var step = await service.Host!.Readiness.Simulation!.ShowFaceAsync(photo, DecisionTimeout, CancellationToken.None);

        var decision = Assert.Single(step.Decisions);
        Assert.True(decision.Granted);
        Assert.Equal("face", decision.Method);
        Assert.Equal(ServiceUnderTest.Resident.ToString(), decision.Resident);
        Assert.True(step.State.LockReleased);
        var status = await service.AdminAsync("status");
        Assert.Contains("\"id\":\"camera\"", status["result"]!["readers"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PressKeysAsync_WithdrawalAfterOwnCard_ConsentWithdrawnAtTheGateAndFaceNoLongerMatched()
    {
        await using var service = await StartWithEnrolledFaceAsync();
        var simulation = service.Host!.Readiness.Simulation!;
        var photo = WritePhoto(service, FaceGateFrames.Resident);

        var card = await simulation.TapCardAsync(CardFormat.Wiegand26, ServiceUnderTest.KnownCard, DecisionTimeout, CancellationToken.None);
        await simulation.PressKeysAsync("*7#", NoDecisionTimeout, CancellationToken.None);
        var confirmed = await simulation.PressKeysAsync("1", NoDecisionTimeout, CancellationToken.None);
        var cardAfter = await simulation.TapCardAsync(CardFormat.Wiegand26, ServiceUnderTest.KnownCard, DecisionTimeout, CancellationToken.None);
        var faceAfter = await simulation.ShowFaceAsync(photo, NoDecisionTimeout, CancellationToken.None);

        Assert.True(Assert.Single(card.Decisions).Granted);
        Assert.Empty(confirmed.Decisions);
        var doorPath = (await service.Host.Readiness.DoorPath)!;
        Assert.Equal(1, doorPath.WithdrawalRouters.Sum(r => r.Withdrawals));
        Assert.True(Assert.Single(cardAfter.Decisions).Granted);
        Assert.Empty(faceAfter.Decisions);
        await service.StopAsync();
        using var key = DeviceKeyFile.Load(service.KeyFile);
        using var store = GateStore.Open(new GateStoreOptions { DataDirectory = service.DataDirectory, WalReserveKilobytes = 0 }, key, TimeProvider.System);
        var consent = Assert.Single(store.ListConsents(ServiceUnderTest.Resident), c => c.Kind == ConsentKind.Face);
        Assert.False(consent.IsActive);
        Assert.Equal(ConsentChannel.Gate, consent.WithdrawalChannel);
        Assert.Empty(store.ListFaceTemplates(ServiceUnderTest.Resident));
    }

    private static async Task<ServiceUnderTest> StartWithEnrolledFaceAsync()
    {
        var service = new ServiceUnderTest($$"""
            "Door": { "Methods": "Card, Pin, Face" },
            "Camera": { "Enabled": true, "Kind": "Replay", "ReplayFolder": "{{Path.GetTempPath()}}" },
            "Face": { "Enabled": true, "ModelDirectory": "{{RepositoryLayout.ModelDirectory}}", "ManifestPath": "{{RepositoryLayout.ManifestPath}}" }
            """);
        try
        {
            using (var key = DeviceKeyFile.Load(service.KeyFile))
            using (var store = GateStore.Open(new GateStoreOptions { DataDirectory = service.DataDirectory, WalReserveKilobytes = 0 }, key, TimeProvider.System))
            {
                store.RecordConsent(new ConsentGrant(
                    ServiceUnderTest.Resident, ConsentKind.Face, "2026-01", "notice", ConsentChannel.Office, "F-101", null, ServiceUnderTest.Operator));
                using var recognition = FaceRecognition.Open(
                    new FaceRecognitionOptions { ModelDirectory = RepositoryLayout.ModelDirectory, ManifestPath = RepositoryLayout.ManifestPath }, store);
                Assert.True(recognition.IsAvailable, recognition.UnavailableReason);
                recognition.Enroll(ServiceUnderTest.Resident, (byte[])FaceGateFrames.Resident.Clone(), ServiceUnderTest.Operator);
            }

            await service.StartAsync();
            await service.Output.WaitForAsync("face reader camera joined the door path", TimeSpan.FromSeconds(60));
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    private static string WritePhoto(ServiceUnderTest service, byte[] jpeg)
    {
        var path = Path.Combine(service.Directory, "face.jpg");
        File.WriteAllBytes(path, jpeg);
        return path;
    }
}
