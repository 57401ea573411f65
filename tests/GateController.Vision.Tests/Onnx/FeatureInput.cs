namespace GateController.Vision.Tests.Onnx;

/// <summary>Deterministic fr_feature inputs; the first matches reference/make-feature-reference.js.</summary>
internal static class FeatureInput
{
    /// <summary>Element i = (((i * 7919 + 13) % 251) − 127) / 128, exact in float32.</summary>
    public static void FillReferencePattern(Span<float> input)
    {
        for (var index = 0; index < input.Length; index++)
        {
            input[index] = ((((index * 7919L) + 13) % 251) - 127) / 128f;
        }
    }

    /// <summary>A smooth face-sized gradient, different per channel.</summary>
    public static void FillGradient(Span<float> input)
    {
        const int Side = 112;
        for (var index = 0; index < input.Length; index++)
        {
            var channel = index / (Side * Side);
            var y = index / Side % Side;
            var x = index % Side;
            var value = ((x * (channel + 1)) + (y * 2) + (channel * 40)) % 256;
            input[index] = (value - 127) / 128f;
        }
    }
}
