namespace GateController.Service.Admin;

/// <summary>An admin command was refused or its arguments are wrong; the message is the one-line reply.</summary>
public sealed class AdminCommandException : Exception
{
    /// <summary>Creates the exception with the reply's reason.</summary>
    public AdminCommandException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the reply's reason and its cause.</summary>
    public AdminCommandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic reason.</summary>
    public AdminCommandException()
        : base("admin command refused")
    {
    }
}
