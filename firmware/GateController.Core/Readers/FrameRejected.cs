namespace GateController.Core.Readers;

/// <summary>A frame a reader received and refused to turn into a credential (bad parity, wrong length, CRC error…).</summary>
/// <param name="ReaderId">The configured name of the reader.</param>
/// <param name="Reason">A short machine-readable reason, for example "parity" or "length".</param>
/// <param name="Detail">Human-readable detail; never contains a card identifier.</param>
/// <param name="RejectedAt">When the frame ended.</param>
public sealed record FrameRejected(string ReaderId, string Reason, string Detail, DateTimeOffset RejectedAt);
