namespace GateController.Core.Access;

/// <summary>The configured name of a door, for example "north-gate"; carries nothing personal.</summary>
public readonly record struct DoorId
{
    /// <summary>The longest identifier accepted.</summary>
    public const int MaximumLength = 32;

    private DoorId(string value) => Value = value;

    /// <summary>The identifier text: 1–32 characters of A–Z, a–z, 0–9, '-' or '_'.</summary>
    public string Value { get; }

    /// <summary>Parses an identifier, or returns false with the reason it is not one.</summary>
    public static bool TryParse(string? text, out DoorId id, out string? error)
    {
        id = default;
        if (string.IsNullOrEmpty(text))
        {
            error = "a door id must not be empty";
            return false;
        }

        if (text.Length > MaximumLength)
        {
            error = $"door id '{text}' is longer than {MaximumLength} characters";
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                error = $"door id '{text}' may only hold letters, digits, '-' and '_'";
                return false;
            }
        }

        id = new DoorId(text);
        error = null;
        return true;
    }

    /// <summary>Parses an identifier that must be valid; throws <see cref="ArgumentException"/> otherwise.</summary>
    public static DoorId Parse(string text) =>
        TryParse(text, out var id, out var error) ? id : throw new ArgumentException(error, nameof(text));

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
