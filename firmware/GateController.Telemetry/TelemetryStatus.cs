namespace GateController.Telemetry;

/// <summary>The payloads of the retained status topic.</summary>
public static class TelemetryStatus
{
    /// <summary>Published (retained) on every connect.</summary>
    public const string Online = "online";

    /// <summary>The last will: the broker publishes it when the unit vanishes without a DISCONNECT.</summary>
    public const string Offline = "offline";

    /// <summary>Published (retained) on a clean shutdown, before the DISCONNECT.</summary>
    public const string Stopped = "stopped";
}
