namespace GateController.Core.Credentials;

/// <summary>
/// When a credential may be used: from <see cref="NotBefore"/> (inclusive) to <see cref="NotAfter"/> (exclusive).
/// A missing bound is open; <c>default</c> is valid forever.
/// </summary>
/// <param name="NotBefore">First instant the credential works, or null for no lower bound.</param>
/// <param name="NotAfter">First instant the credential no longer works, or null for no upper bound.</param>
public readonly record struct ValidityWindow(DateTimeOffset? NotBefore, DateTimeOffset? NotAfter)
{
    /// <summary>A window with no bounds.</summary>
    public static ValidityWindow Always => default;

    /// <summary>True when both bounds are set and the window is empty or reversed.</summary>
    public bool IsMalformed => NotBefore is { } from && NotAfter is { } to && from >= to;

    /// <summary>Where <paramref name="now"/> falls relative to the window.</summary>
    public ValidityStatus Check(DateTimeOffset now)
    {
        if (NotBefore is { } from && now < from)
        {
            return ValidityStatus.NotYetValid;
        }

        if (NotAfter is { } to && now >= to)
        {
            return ValidityStatus.Expired;
        }

        return ValidityStatus.Valid;
    }
}
