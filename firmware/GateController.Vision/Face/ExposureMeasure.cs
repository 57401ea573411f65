namespace GateController.Vision.Face;

/// <summary>Brightness statistics of a grey image.</summary>
/// <param name="MeanLevel">Mean grey level, 0–255.</param>
/// <param name="DarkFraction">Fraction of pixels at or below 15 (crushed shadows).</param>
/// <param name="BrightFraction">Fraction of pixels at or above 240 (clipped highlights).</param>
public readonly record struct ExposureMeasure(double MeanLevel, double DarkFraction, double BrightFraction);
