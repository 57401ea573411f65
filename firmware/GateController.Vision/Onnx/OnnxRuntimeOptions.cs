namespace GateController.Vision.Onnx;

/// <summary>How to find and start ONNX Runtime.</summary>
public sealed class OnnxRuntimeOptions
{
    /// <summary>
    /// Path of libonnxruntime.so.1. When null: the GATECONTROLLER_ONNXRUNTIME environment variable, then the
    /// application directory, then artifacts/native/linux-&lt;arch&gt;/ in a parent directory, then the system.
    /// </summary>
    public string? LibraryPath { get; set; }

    /// <summary>The least severe ONNX Runtime message written to stderr.</summary>
    public OnnxLogSeverity LogSeverity { get; set; } = OnnxLogSeverity.Error;

    /// <summary>ONNX Runtime's log identifier.</summary>
    public string LogId { get; set; } = "gatecontroller";

    /// <summary>Returns one message per invalid setting; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (LibraryPath is not null && string.IsNullOrWhiteSpace(LibraryPath))
        {
            problems.Add($"{nameof(LibraryPath)} must be null or a file path, not blank");
        }
        if (!Enum.IsDefined(LogSeverity))
        {
            problems.Add($"{nameof(LogSeverity)} {(int)LogSeverity} is not a defined severity");
        }
        if (string.IsNullOrWhiteSpace(LogId))
        {
            problems.Add($"{nameof(LogId)} must not be blank");
        }
        return problems;
    }
}
