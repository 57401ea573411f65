namespace GateController.Core.Access;

/// <summary>
/// Derives duress PINs without allocating. The store checks typed digits as a PIN first and, when nothing matches,
/// checks <see cref="TryRevert"/>'s result: a match there is a duress entry.
/// </summary>
public static class DuressPins
{
    /// <summary>Writes the duress form of <paramref name="pin"/> to <paramref name="destination"/>; false when there is none.</summary>
    public static bool TryApply(ReadOnlySpan<char> pin, DuressPinTransformation transformation, Span<char> destination) =>
        TryShift(pin, transformation, 1, destination);

    /// <summary>Writes the PIN whose duress form is <paramref name="typed"/> to <paramref name="destination"/>; false when there is none.</summary>
    public static bool TryRevert(ReadOnlySpan<char> typed, DuressPinTransformation transformation, Span<char> destination) =>
        TryShift(typed, transformation, 9, destination);

    private static bool TryShift(ReadOnlySpan<char> digits, DuressPinTransformation transformation, int shift, Span<char> destination)
    {
        if (transformation == DuressPinTransformation.None || digits.IsEmpty || destination.Length < digits.Length)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        int index;
        switch (transformation)
        {
            case DuressPinTransformation.LastDigitPlusOne:
                index = digits.Length - 1;
                break;
            case DuressPinTransformation.FirstDigitPlusOne:
                index = 0;
                break;
            default:
                return false;
        }

        digits.CopyTo(destination);
        destination[index] = (char)('0' + ((digits[index] - '0' + shift) % 10));
        return true;
    }
}
