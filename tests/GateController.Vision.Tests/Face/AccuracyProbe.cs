namespace GateController.Vision.Tests.Face;

/// <summary>One augmented probe of the accuracy measurement.</summary>
/// <param name="Person">Whose face (ground-truth order).</param>
/// <param name="Augmentation">Index into <see cref="AccuracyFixture.AugmentationNames"/>.</param>
/// <param name="Embedding">Its template, or null when none could be made.</param>
/// <param name="Failure">Why there is no template.</param>
public sealed record AccuracyProbe(int Person, int Augmentation, float[]? Embedding, string? Failure);
