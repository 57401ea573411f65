using GateController.Core.Credentials;
using GateController.Core.Residents;

namespace GateController.Storage.Records;

/// <summary>A visitor code as the store knows it: never the code, only its number, issuer, window and uses.</summary>
/// <param name="VisitorCodeId">The store's number for the code; it is not the code.</param>
/// <param name="IssuedBy">The resident who issued it.</param>
/// <param name="ValidFrom">First instant the code works.</param>
/// <param name="ValidUntil">First instant the code no longer works.</param>
/// <param name="MaximumUses">How many times the code opens the door.</param>
/// <param name="UsesConsumed">How many times it has opened the door.</param>
/// <param name="IssuedAt">When it was issued.</param>
/// <param name="RevokedAt">When it was revoked, if it was.</param>
public sealed record VisitorCodeRecord(
    long VisitorCodeId,
    ResidentId IssuedBy,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidUntil,
    int MaximumUses,
    int UsesConsumed,
    DateTimeOffset IssuedAt,
    DateTimeOffset? RevokedAt)
{
    /// <summary>Uses left.</summary>
    public int UsesRemaining => MaximumUses - UsesConsumed;

    /// <summary>True when the code opens the door at <paramref name="at"/>: not revoked, inside its window, with a use left.</summary>
    public bool IsUsableAt(DateTimeOffset at) => RevokedAt is null && at >= ValidFrom && at < ValidUntil && UsesRemaining > 0;

    /// <summary>The code as the access core judges it.</summary>
    public VisitorCodeCredential ToCredential() =>
        new(IssuedBy, new ValidityWindow(ValidFrom, ValidUntil), MaximumUses, Math.Min(UsesConsumed, MaximumUses));
}
