using System.Security.Cryptography;

namespace GateController.Vision.Onnx;

/// <summary>Checks a model file against its pinned sha256 before it is handed to ONNX Runtime.</summary>
public static class OnnxModelFile
{
    /// <summary>The file's sha256 as lower-case hex.</summary>
    public static string ComputeSha256(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>
    /// Throws <see cref="FileNotFoundException"/> when the file is missing and
    /// <see cref="OnnxModelIntegrityException"/> when its sha256 differs from <paramref name="expectedSha256"/>.
    /// </summary>
    public static void Verify(string path, string expectedSha256)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(expectedSha256);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Model file '{path}' does not exist (run models/fetch)", path);
        }
        var actual = ComputeSha256(path);
        if (!string.Equals(actual, expectedSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new OnnxModelIntegrityException(path, expectedSha256.ToLowerInvariant(), actual);
        }
    }
}
