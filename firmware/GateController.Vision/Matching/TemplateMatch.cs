using GateController.Core.Residents;

namespace GateController.Vision.Matching;

/// <summary>One template's similarity to a probe.</summary>
/// <param name="Resident">Whose template it is.</param>
/// <param name="Template">Which template.</param>
/// <param name="Score">Cosine similarity of the probe and the stored template, −1 to 1.</param>
public readonly record struct TemplateMatch(ResidentId Resident, TemplateId Template, double Score);
