using System.Globalization;

namespace GateController.Core.Privacy;

/// <summary>
/// A consent receipt's number, derived only from the store's consent id so the same consent always prints the same
/// number: "FC-" then the id as at least eight digits in groups of four, then an ISO 7064 MOD 11-2 check character
/// (0–9 or X, as on a resident identity card), for example consent 123 → "FC-0000-0123-1". A mistyped digit is caught.
/// </summary>
public readonly record struct ConsentReceiptNumber
{
    /// <summary>The prefix: face consent.</summary>
    public const string Prefix = "FC";

    private ConsentReceiptNumber(long consentId, string value)
    {
        ConsentId = consentId;
        Value = value;
    }

    /// <summary>The store's consent id.</summary>
    public long ConsentId { get; }

    /// <summary>The printed number.</summary>
    public string Value { get; }

    /// <summary>The number for <paramref name="consentId"/>; throws for an id that is not positive.</summary>
    public static ConsentReceiptNumber FromConsentId(long consentId)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(consentId);
        var digits = consentId.ToString("D8", CultureInfo.InvariantCulture);
        var groups = new List<string>();
        var first = digits.Length % 4 == 0 ? 4 : digits.Length % 4;
        groups.Add(digits[..first]);
        for (var i = first; i < digits.Length; i += 4)
        {
            groups.Add(digits.Substring(i, 4));
        }

        return new ConsentReceiptNumber(consentId, $"{Prefix}-{string.Join('-', groups)}-{CheckCharacter(digits)}");
    }

    /// <summary>Reads a printed number (spaces, dashes and case are ignored), or returns false with the reason.</summary>
    public static bool TryParse(string? text, out ConsentReceiptNumber number, out string? error)
    {
        number = default;
        var compact = new string((text ?? string.Empty).Where(c => c is not ('-' or ' ')).Select(char.ToUpperInvariant).ToArray());
        if (!compact.StartsWith(Prefix, StringComparison.Ordinal) || compact.Length < Prefix.Length + 9)
        {
            error = $"'{text}' is not a receipt number like {Prefix}-0000-0123-1";
            return false;
        }

        var digits = compact[Prefix.Length..^1];
        if (!digits.All(char.IsAsciiDigit) || digits.Length > 18
            || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var consentId) || consentId <= 0)
        {
            error = $"'{text}' is not a receipt number like {Prefix}-0000-0123-1";
            return false;
        }

        if (compact[^1] != CheckCharacter(digits))
        {
            error = $"receipt number '{text}' fails its check character; it was mistyped";
            return false;
        }

        number = FromConsentId(consentId);
        if (number.Value.Length - number.Value.Count(c => c == '-') != compact.Length)
        {
            number = default;
            error = $"'{text}' is not a receipt number like {Prefix}-0000-0123-1";
            return false;
        }

        error = null;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    private static char CheckCharacter(string digits)
    {
        var remainder = 0;
        foreach (var c in digits)
        {
            remainder = (remainder + (c - '0')) * 2 % 11;
        }

        var check = (12 - remainder) % 11;
        return check == 10 ? 'X' : (char)('0' + check);
    }
}
