namespace GateController.Vision.Matching;

/// <summary>The best-scoring template for a probe and the best template of any other resident.</summary>
/// <param name="Best">The most similar template, or null when the index is empty.</param>
/// <param name="SecondBest">The most similar template of a resident other than <see cref="Best"/>'s, or null.</param>
/// <param name="CandidatesRescored">How many templates the coarse scan could not rule out and were scored exactly.</param>
public readonly record struct NearestTemplates(TemplateMatch? Best, TemplateMatch? SecondBest, int CandidatesRescored);
