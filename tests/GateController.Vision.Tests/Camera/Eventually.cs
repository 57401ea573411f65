using System.Diagnostics;

namespace GateController.Vision.Tests.Camera;

/// <summary>Waits for a condition reached by another thread after a fake clock moved; a safety cap only, not timing.</summary>
internal static class Eventually
{
    private static readonly TimeSpan SafetyCap = TimeSpan.FromSeconds(20);

    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < SafetyCap, $"never happened: {what}");
            await Task.Yield();
            Thread.Yield();
        }
    }

    public static async Task<T> ReadAsync<T>(System.Threading.Channels.ChannelReader<T> reader)
    {
        using var cap = new CancellationTokenSource(SafetyCap);
        return await reader.ReadAsync(cap.Token);
    }
}
