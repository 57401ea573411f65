namespace GateController.Vision.Onnx;

/// <summary>An error reported by ONNX Runtime through an OrtStatus, with its code and message.</summary>
public sealed class OnnxRuntimeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OnnxRuntimeException()
        : this(OnnxErrorCode.Fail, "ONNX Runtime failed")
    {
    }

    /// <summary>Creates the exception with ORT's message.</summary>
    public OnnxRuntimeException(string message)
        : this(OnnxErrorCode.Fail, message)
    {
    }

    /// <summary>Creates the exception wrapping another.</summary>
    public OnnxRuntimeException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorCode = OnnxErrorCode.Fail;
        RuntimeMessage = message;
    }

    /// <summary>Creates the exception from an ORT code and message.</summary>
    public OnnxRuntimeException(OnnxErrorCode errorCode, string runtimeMessage)
        : base($"ONNX Runtime error {errorCode}: {runtimeMessage}")
    {
        ErrorCode = errorCode;
        RuntimeMessage = runtimeMessage;
    }

    /// <summary>Creates the exception from an ORT code and message, saying what was being done.</summary>
    public OnnxRuntimeException(OnnxErrorCode errorCode, string runtimeMessage, string context)
        : base($"{context}: ONNX Runtime error {errorCode}: {runtimeMessage}")
    {
        ErrorCode = errorCode;
        RuntimeMessage = runtimeMessage;
    }

    /// <summary>ORT's error code.</summary>
    public OnnxErrorCode ErrorCode { get; }

    /// <summary>ORT's own message, unchanged.</summary>
    public string RuntimeMessage { get; }
}
