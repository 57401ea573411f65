using GateController.Core.Readers;

namespace GateController.Telemetry.Health;

/// <summary>A reader's state in health: no card identifier or PIN.</summary>
/// <param name="ReaderId">The configured reader name.</param>
/// <param name="State">Its state.</param>
/// <param name="LastFrameAt">When the last good frame arrived.</param>
/// <param name="GoodFrames">Good frames.</param>
/// <param name="BadFrames">Rejected frames.</param>
/// <param name="LastError">The last fault or rejection reason.</param>
public sealed record HealthReader(string ReaderId, ReaderState State, DateTimeOffset? LastFrameAt, long GoodFrames, long BadFrames, string? LastError)
{
    /// <summary>Maps a Core reader snapshot.</summary>
    public static HealthReader From(ReaderHealth health)
    {
        ArgumentNullException.ThrowIfNull(health);
        return new HealthReader(health.ReaderId, health.State, health.LastFrameAt, health.GoodFrames, health.BadFrames, health.LastError);
    }
}
