namespace GateController.Storage.Records;

/// <summary>The retention the store enforces (rule P9), as configured.</summary>
/// <param name="AccessEventDays">Access events older than this many days are deleted.</param>
/// <param name="AccessEventMaximumCount">At most this many access events are kept.</param>
/// <param name="FaceTemplateUnusedDays">Face templates unused for this many days are deleted.</param>
/// <param name="IntervalHours">How often the retention job runs.</param>
public sealed record StoreRetentionSettings(int AccessEventDays, int AccessEventMaximumCount, int FaceTemplateUnusedDays, int IntervalHours);
