using System.Runtime.InteropServices;
using GateController.Telemetry.Interop;

namespace GateController.Telemetry.Mqtt;

/// <summary>A libmosquitto call failed; carries the <c>mosq_err_t</c> code and <c>mosquitto_strerror</c> text.</summary>
public sealed class MosquittoException : IOException
{
    /// <summary>Creates an exception for a failed call.</summary>
    public MosquittoException(string operation, int errorCode)
        : base($"{operation} failed: {DescribeError(errorCode)} (mosq_err {errorCode}{ErrnoSuffix(errorCode)})")
    {
        Operation = operation;
        ErrorCode = (MosquittoErrorCode)errorCode;
    }

    /// <summary>Creates an exception with a message.</summary>
    public MosquittoException(string message)
        : base(message)
    {
        Operation = string.Empty;
        ErrorCode = MosquittoErrorCode.Unknown;
    }

    /// <summary>Creates an exception with a message and an inner exception.</summary>
    public MosquittoException(string message, Exception innerException)
        : base(message, innerException)
    {
        Operation = string.Empty;
        ErrorCode = MosquittoErrorCode.Unknown;
    }

    /// <summary>Creates an exception without detail.</summary>
    public MosquittoException()
        : this("libmosquitto call failed")
    {
    }

    /// <summary>The libmosquitto function that failed.</summary>
    public string Operation { get; }

    /// <summary>The <c>mosq_err_t</c> code returned.</summary>
    public MosquittoErrorCode ErrorCode { get; }

    /// <summary>The library's text for an error code (<c>mosquitto_strerror</c>).</summary>
    public static string DescribeError(int errorCode) =>
        Marshal.PtrToStringUTF8(MosquittoNative.mosquitto_strerror(errorCode)) ?? $"error {errorCode}";

    /// <summary>Throws when <paramref name="errorCode"/> is not MOSQ_ERR_SUCCESS.</summary>
    internal static void ThrowIfFailed(string operation, int errorCode)
    {
        if (errorCode != 0)
        {
            throw new MosquittoException(operation, errorCode);
        }
    }

    private static string ErrnoSuffix(int errorCode) =>
        errorCode == (int)MosquittoErrorCode.Errno ? $", errno {Marshal.GetLastSystemError()}" : string.Empty;
}
