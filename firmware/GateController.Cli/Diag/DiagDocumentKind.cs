namespace GateController.Cli.Diag;

/// <summary>The documents <c>gatectl diag</c> follows.</summary>
internal enum DiagDocumentKind
{
    /// <summary><c>…/status</c>: online, offline or stopped (retained).</summary>
    Status,

    /// <summary><c>…/health</c> (retained).</summary>
    Health,

    /// <summary><c>…/events</c>: access decisions and alarms.</summary>
    Event,
}
