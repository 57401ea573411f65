using System.Diagnostics;

namespace GateController.Service.Tests.Face;

/// <summary>Waits for a condition reached by another thread; a safety cap only, not timing.</summary>
internal static class Eventually
{
    private static readonly TimeSpan SafetyCap = TimeSpan.FromSeconds(30);

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
}
