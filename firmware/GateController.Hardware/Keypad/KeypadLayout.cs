namespace GateController.Hardware.Keypad;

/// <summary>The key matrices supported.</summary>
public enum KeypadLayout
{
    /// <summary>4 rows × 3 columns: 1 2 3 / 4 5 6 / 7 8 9 / * 0 #.</summary>
    Matrix4x3 = 0,

    /// <summary>4 rows × 4 columns: 1 2 3 A / 4 5 6 B / 7 8 9 C / * 0 # D.</summary>
    Matrix4x4 = 1,
}
