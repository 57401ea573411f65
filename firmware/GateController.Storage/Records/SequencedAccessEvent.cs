namespace GateController.Storage.Records;

/// <summary>An access event with its position in the log, so a reader can continue after it.</summary>
/// <param name="Sequence">The event's sequence number; later events have higher numbers.</param>
/// <param name="Event">The event.</param>
public sealed record SequencedAccessEvent(long Sequence, AccessEventRecord Event);
