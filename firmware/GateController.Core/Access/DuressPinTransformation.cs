namespace GateController.Core.Access;

/// <summary>How a resident's duress PIN is derived from their PIN.</summary>
public enum DuressPinTransformation
{
    /// <summary>No duress PIN.</summary>
    None = 0,

    /// <summary>The last digit plus one, modulo 10 (1234 → 1235, 1239 → 1230).</summary>
    LastDigitPlusOne = 1,

    /// <summary>The first digit plus one, modulo 10 (1234 → 2234).</summary>
    FirstDigitPlusOne = 2,
}
