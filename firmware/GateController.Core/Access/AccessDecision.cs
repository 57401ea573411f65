using GateController.Core.Residents;

namespace GateController.Core.Access;

/// <summary>The outcome of <see cref="AccessPolicy.Decide"/>: a reason, the method it was judged as, and a resident id at most.</summary>
/// <param name="Reason">Why the door opens or not.</param>
/// <param name="Method">The door method the presentation was judged as; <see cref="AccessMethods.None"/> when the door enables none that fits.</param>
/// <param name="ResidentId">The credential holder when known and nameable; null for unknown credentials and faces without consent.</param>
/// <param name="IsDuress">True when the door opens on a duress PIN: a silent alarm must be raised.</param>
public readonly record struct AccessDecision(AccessReason Reason, AccessMethods Method, ResidentId? ResidentId, bool IsDuress)
{
    /// <summary>True when the door opens.</summary>
    public bool IsGranted => Reason == AccessReason.Granted;

    /// <inheritdoc />
    public override string ToString() => IsDuress
        ? $"{Reason} ({Method}) {ResidentId} duress"
        : $"{Reason} ({Method}) {ResidentId}";
}
