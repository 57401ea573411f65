namespace GateController.Core.Privacy;

/// <summary>The retention settings the unit enforces (rules P9, P10).</summary>
/// <param name="AccessEventDays">Days access events are kept.</param>
/// <param name="FaceTemplateUnusedDays">Days without use after which face templates are deleted.</param>
/// <param name="FaceTemplatesOnWithdrawal">What happens to templates on withdrawal or move-out.</param>
/// <param name="ProcessingRecordYears">Minimum years processing records are kept.</param>
public sealed record RetentionFact(int AccessEventDays, int FaceTemplateUnusedDays, string FaceTemplatesOnWithdrawal, int ProcessingRecordYears);
