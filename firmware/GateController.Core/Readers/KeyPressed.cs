namespace GateController.Core.Readers;

/// <summary>One key on a keypad: '0'–'9', '*', '#', or 'A'–'D' on a 4×4 matrix.</summary>
/// <param name="ReaderId">The configured name of the keypad or reader.</param>
/// <param name="Key">The key's character.</param>
/// <param name="PressedAt">When the key was pressed (kernel edge timestamp where there is one).</param>
public sealed record KeyPressed(string ReaderId, char Key, DateTimeOffset PressedAt);
