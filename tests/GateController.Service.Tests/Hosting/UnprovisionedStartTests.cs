namespace GateController.Service.Tests.Hosting;

/// <summary>A unit started before 'gatectl provision': it answers status "unprovisioned" and starts once the key exists.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class UnprovisionedStartTests
{
    [Fact]
    public async Task RunAsync_NoKeyFile_ServesUnprovisionedStatusThenStartsWhenTheKeyAppears()
    {
        await using var service = new ServiceUnderTest("\"Face\": { \"Enabled\": false }", provisioned: false);

        var firstReady = await service.StartAsync();
        await service.Output.WaitForAsync("unprovisioned", TimeSpan.FromSeconds(10));
        var status = await ServiceUnderTest.AskAsync(service.SocketPath, "status");
        var refused = await ServiceUnderTest.AskAsync(service.SocketPath, "resident.list");
        Storage.Keys.DeviceKeyFile.Create(service.KeyFile).Dispose();
        await service.Output.WaitForAsync("door path live", TimeSpan.FromSeconds(30));
        var running = await service.AdminAsync("status");

        Assert.Contains(firstReady, m => m.Contains("READY=1", StringComparison.Ordinal));
        Assert.Equal("unprovisioned", (string)status["result"]!["state"]!);
        Assert.False((bool)refused["ok"]!);
        Assert.Contains("gatectl provision", (string)refused["error"]!, StringComparison.Ordinal);
        Assert.Equal("running", (string)running["result"]!["state"]!);
    }
}
