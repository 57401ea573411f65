using GateController.Core.Residents;

namespace GateController.Core.Credentials;

/// <summary>
/// A visitor code a resident issued: one-time or limited uses within a bounded validity window.
/// The code digits are not held here (the store keeps a hash).
/// </summary>
public sealed class VisitorCodeCredential : CredentialRecord
{
    /// <summary>Creates a visitor code.</summary>
    /// <param name="issuedBy">The resident who issued the code.</param>
    /// <param name="validity">When the code works; both bounds are required.</param>
    /// <param name="maximumUses">How many times the code opens the door (1 for one-time); at least 1.</param>
    /// <param name="usesConsumed">How many times it has already opened the door; 0 to <paramref name="maximumUses"/>.</param>
    public VisitorCodeCredential(ResidentId issuedBy, ValidityWindow validity, int maximumUses, int usesConsumed)
        : base(issuedBy, validity)
    {
        if (validity.NotBefore is null || validity.NotAfter is null || validity.IsMalformed)
        {
            throw new ArgumentException("a visitor code needs a bounded, non-empty validity window", nameof(validity));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maximumUses, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(usesConsumed);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(usesConsumed, maximumUses);
        MaximumUses = maximumUses;
        UsesConsumed = usesConsumed;
    }

    /// <inheritdoc />
    public override CredentialKind Kind => CredentialKind.VisitorCode;

    /// <summary>How many times the code opens the door in total.</summary>
    public int MaximumUses { get; }

    /// <summary>How many times it has already opened the door.</summary>
    public int UsesConsumed { get; }

    /// <summary>Uses left.</summary>
    public int UsesRemaining => MaximumUses - UsesConsumed;

    /// <summary>True when the code works only once.</summary>
    public bool IsOneTime => MaximumUses == 1;

    /// <summary>The same code after one more use; throws when none is left.</summary>
    public VisitorCodeCredential WithOneUseConsumed() =>
        UsesRemaining > 0
            ? new VisitorCodeCredential(ResidentId, Validity, MaximumUses, UsesConsumed + 1)
            : throw new InvalidOperationException("the visitor code has no use left");
}
