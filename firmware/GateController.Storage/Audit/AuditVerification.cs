namespace GateController.Storage.Audit;

/// <summary>The result of checking the audit chain.</summary>
/// <param name="IsIntact">True when every entry is present, in order and unaltered.</param>
/// <param name="EntriesChecked">How many entries were read.</param>
/// <param name="FirstBadSequence">The first entry that was altered, removed or reordered; null when intact.</param>
/// <param name="Problem">What is wrong with that entry; null when intact.</param>
public sealed record AuditVerification(bool IsIntact, long EntriesChecked, long? FirstBadSequence, string? Problem);
