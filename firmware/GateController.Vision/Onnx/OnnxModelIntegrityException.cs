namespace GateController.Vision.Onnx;

/// <summary>A model file whose sha256 differs from the pinned one (tampered, truncated or the wrong file).</summary>
public sealed class OnnxModelIntegrityException : IOException
{
    /// <summary>Creates the exception.</summary>
    public OnnxModelIntegrityException()
        : base("Model file sha256 mismatch")
    {
        ModelPath = string.Empty;
        ExpectedSha256 = string.Empty;
        ActualSha256 = string.Empty;
    }

    /// <summary>Creates the exception with a message.</summary>
    public OnnxModelIntegrityException(string message)
        : base(message)
    {
        ModelPath = string.Empty;
        ExpectedSha256 = string.Empty;
        ActualSha256 = string.Empty;
    }

    /// <summary>Creates the exception wrapping another.</summary>
    public OnnxModelIntegrityException(string message, Exception innerException)
        : base(message, innerException)
    {
        ModelPath = string.Empty;
        ExpectedSha256 = string.Empty;
        ActualSha256 = string.Empty;
    }

    /// <summary>Creates the exception naming the file and both digests.</summary>
    public OnnxModelIntegrityException(string modelPath, string expectedSha256, string actualSha256)
        : base($"Model file '{modelPath}' failed verification: sha256 is {actualSha256}, expected {expectedSha256}")
    {
        ModelPath = modelPath;
        ExpectedSha256 = expectedSha256;
        ActualSha256 = actualSha256;
    }

    /// <summary>The model file.</summary>
    public string ModelPath { get; }

    /// <summary>The pinned sha256 (lower-case hex).</summary>
    public string ExpectedSha256 { get; }

    /// <summary>The file's sha256 (lower-case hex).</summary>
    public string ActualSha256 { get; }
}
