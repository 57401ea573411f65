using System.Diagnostics;
using System.Threading.Channels;

namespace GateController.TestSupport;

/// <summary>
/// Waits for a condition another thread makes true (often after a fake clock moved). The safety cap only turns a hang
/// into a failure; it is never timing. Shared by the test projects (linked, not referenced).
/// </summary>
internal static class Eventually
{
    /// <summary>The safety cap when a caller names none.</summary>
    public static readonly TimeSpan DefaultSafetyCap = TimeSpan.FromSeconds(30);

    /// <summary>Yields until <paramref name="condition"/> holds; fails naming <paramref name="what"/> after the cap.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? safetyCap = null)
    {
        var cap = safetyCap ?? DefaultSafetyCap;
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < cap, $"never happened: {what}");
            await Task.Yield();
            Thread.Yield();
        }
    }

    /// <summary>Spins (blocking) until <paramref name="condition"/> holds; fails naming <paramref name="what"/> after the cap.</summary>
    public static void True(Func<bool> condition, string what, TimeSpan? safetyCap = null) =>
        Assert.True(SpinWait.SpinUntil(condition, safetyCap ?? DefaultSafetyCap), "timed out waiting for: " + what);

    /// <summary>Reads the next item of <paramref name="reader"/>; cancelled after the cap.</summary>
    public static async Task<T> ReadAsync<T>(ChannelReader<T> reader, TimeSpan? safetyCap = null)
    {
        using var cap = new CancellationTokenSource(safetyCap ?? DefaultSafetyCap);
        return await reader.ReadAsync(cap.Token);
    }
}
