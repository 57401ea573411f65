namespace GateController.Core.Residents;

/// <summary>
/// The pseudonymous identifier the property office gives a resident (for example "R0042").
/// It is the only identity events, logs and MQTT may carry; it never contains a name or a room.
/// </summary>
public readonly record struct ResidentId
{
    /// <summary>The longest identifier accepted.</summary>
    public const int MaximumLength = 32;

    private ResidentId(string value) => Value = value;

    /// <summary>The identifier text: 1–32 characters of A–Z, a–z, 0–9, '-' or '_'.</summary>
    public string Value { get; }

    /// <summary>Parses an identifier, or returns false with the reason it is not one.</summary>
    public static bool TryParse(string? text, out ResidentId id, out string? error)
    {
        id = default;
        if (string.IsNullOrEmpty(text))
        {
            error = "a resident id must not be empty";
            return false;
        }

        if (text.Length > MaximumLength)
        {
            error = $"resident id '{text}' is longer than {MaximumLength} characters";
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                error = $"resident id '{text}' may only hold letters, digits, '-' and '_'";
                return false;
            }
        }

        id = new ResidentId(text);
        error = null;
        return true;
    }

    /// <summary>Parses an identifier that must be valid; throws <see cref="ArgumentException"/> otherwise.</summary>
    public static ResidentId Parse(string text) =>
        TryParse(text, out var id, out var error) ? id : throw new ArgumentException(error, nameof(text));

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
