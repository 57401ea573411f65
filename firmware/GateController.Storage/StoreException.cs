namespace GateController.Storage;

/// <summary>A store operation failed for a known reason; nothing was half-written.</summary>
public sealed class StoreException : Exception
{
    /// <summary>Creates an exception with a reason code and an operator-facing message.</summary>
    public StoreException(StoreErrorCode code, string message)
        : base(message) => Code = code;

    /// <summary>Creates an exception with a reason code, a message and the fault that caused it.</summary>
    public StoreException(StoreErrorCode code, string message, Exception innerException)
        : base(message, innerException) => Code = code;

    /// <summary>Creates an exception without a reason (use the other constructors).</summary>
    public StoreException()
        : this(StoreErrorCode.IoError, "store error")
    {
    }

    /// <summary>Creates an exception with a message only (reason <see cref="StoreErrorCode.IoError"/>).</summary>
    public StoreException(string message)
        : this(StoreErrorCode.IoError, message)
    {
    }

    /// <summary>Creates an exception with a message and cause only (reason <see cref="StoreErrorCode.IoError"/>).</summary>
    public StoreException(string message, Exception innerException)
        : this(StoreErrorCode.IoError, message, innerException)
    {
    }

    /// <summary>Why the operation failed.</summary>
    public StoreErrorCode Code { get; }
}
