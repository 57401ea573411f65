namespace GateController.Core.Privacy;

/// <summary>The result of <see cref="OperatorAuthorization.Check"/>: allowed, or the permissions missing and why.</summary>
/// <param name="IsAllowed">True when the role may do it.</param>
/// <param name="Missing">The permissions the role lacks; <see cref="OperatorPermission.None"/> when allowed.</param>
/// <param name="Error">One line naming the role and the missing permissions; null when allowed.</param>
public sealed record AuthorizationResult(bool IsAllowed, OperatorPermission Missing, string? Error);
