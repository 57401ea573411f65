namespace GateController.Vision.Matching;

/// <summary>The outcome of a 1:1 verification (card + face).</summary>
/// <param name="Accepted">Whether the probe matched the claimed resident.</param>
/// <param name="Score">The best similarity with the resident's templates (NaN when the resident has none).</param>
/// <param name="HasTemplates">Whether the claimed resident has any face template.</param>
public readonly record struct VerificationResult(bool Accepted, double Score, bool HasTemplates);
