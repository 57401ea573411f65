namespace GateController.Core.Readers;

/// <summary>A reader's health snapshot; carries no card identifier or PIN.</summary>
/// <param name="ReaderId">The configured name of the reader.</param>
/// <param name="State">Current state.</param>
/// <param name="LastFrameAt">When the last good frame arrived, if any.</param>
/// <param name="GoodFrames">Frames turned into credentials or keys.</param>
/// <param name="BadFrames">Frames rejected with a reason.</param>
/// <param name="LastError">The last fault or rejection reason, if any.</param>
public sealed record ReaderHealth(string ReaderId, ReaderState State, DateTimeOffset? LastFrameAt, long GoodFrames, long BadFrames, string? LastError);
