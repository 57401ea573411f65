namespace GateController.Cli;

/// <summary>A gatectl command failed for a reason the user can act on; the message is the one-line reason.</summary>
public sealed class GatectlException : Exception
{
    /// <summary>Creates the exception with the reason and the exit status to use.</summary>
    public GatectlException(string message, int exitStatus)
        : base(message) => ExitStatus = exitStatus;

    /// <summary>Creates the exception with the reason (exit status 1).</summary>
    public GatectlException(string message)
        : this(message, GatectlCommandLine.ExitFailure)
    {
    }

    /// <summary>Creates the exception with the reason and its cause (exit status 1).</summary>
    public GatectlException(string message, Exception innerException)
        : base(message, innerException) => ExitStatus = GatectlCommandLine.ExitFailure;

    /// <summary>Creates the exception with a generic reason.</summary>
    public GatectlException()
        : this("gatectl command failed")
    {
    }

    /// <summary>The process exit status.</summary>
    public int ExitStatus { get; }
}
