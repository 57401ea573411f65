namespace GateController.Vision.Onnx;

/// <summary>ONNX Runtime's OrtLoggingLevel: the least severe message it writes to stderr.</summary>
public enum OnnxLogSeverity
{
    /// <summary>ORT_LOGGING_LEVEL_VERBOSE.</summary>
    Verbose = 0,

    /// <summary>ORT_LOGGING_LEVEL_INFO.</summary>
    Info = 1,

    /// <summary>ORT_LOGGING_LEVEL_WARNING.</summary>
    Warning = 2,

    /// <summary>ORT_LOGGING_LEVEL_ERROR.</summary>
    Error = 3,

    /// <summary>ORT_LOGGING_LEVEL_FATAL.</summary>
    Fatal = 4,
}
