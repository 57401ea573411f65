using System.Globalization;

namespace GateController.Vision.Onnx;

/// <summary>How one model is loaded and run.</summary>
public sealed class OnnxSessionOptions
{
    /// <summary>Threads used inside one operator (1 = the calling thread only). Default 2.</summary>
    public int IntraOpThreadCount { get; set; } = 2;

    /// <summary>Graph optimisation applied at load. Default all.</summary>
    public OnnxGraphOptimizationLevel GraphOptimizationLevel { get; set; } = OnnxGraphOptimizationLevel.All;

    /// <summary>
    /// Whether idle pool threads spin waiting for work (session.intra_op.allow_spinning). Off by default:
    /// on a Pi shared with the card and PIN paths, spinning burns a core for a few milliseconds per run.
    /// </summary>
    public bool AllowSpinning { get; set; }

    /// <summary>When set, the model file's sha256 (hex) must equal this before ONNX Runtime reads it.</summary>
    public string? ExpectedSha256 { get; set; }

    /// <summary>Returns one message per invalid setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (IntraOpThreadCount is < 1 or > 64)
        {
            problems.Add($"{nameof(IntraOpThreadCount)} must be 1..64, not {IntraOpThreadCount.ToString(CultureInfo.InvariantCulture)}");
        }
        if (!Enum.IsDefined(GraphOptimizationLevel))
        {
            problems.Add($"{nameof(GraphOptimizationLevel)} {(int)GraphOptimizationLevel} is not a defined level");
        }
        if (ExpectedSha256 is not null && (ExpectedSha256.Length != 64 || !ExpectedSha256.All(Uri.IsHexDigit)))
        {
            problems.Add($"{nameof(ExpectedSha256)} must be 64 hex digits");
        }
        return problems;
    }
}
