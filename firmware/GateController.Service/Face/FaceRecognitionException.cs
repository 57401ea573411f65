namespace GateController.Service.Face;

/// <summary>A face command cannot be carried out; the message is the one-line reason for the operator.</summary>
public sealed class FaceRecognitionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FaceRecognitionException()
    {
    }

    /// <summary>Creates the exception with its reason.</summary>
    public FaceRecognitionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its reason and cause.</summary>
    public FaceRecognitionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
