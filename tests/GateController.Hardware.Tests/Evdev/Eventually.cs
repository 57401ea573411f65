namespace GateController.Hardware.Tests.Evdev;

/// <summary>Waits for a condition another thread makes true; the bound only turns a hang into a failure.</summary>
internal static class Eventually
{
    public static void True(Func<bool> condition, string what) =>
        Assert.True(SpinWait.SpinUntil(condition, TimeSpan.FromSeconds(10)), "timed out waiting for: " + what);
}
