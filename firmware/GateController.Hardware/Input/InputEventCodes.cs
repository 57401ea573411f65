namespace GateController.Hardware.Input;

/// <summary>The event types and key codes the keyboard-wedge reader uses (linux/input-event-codes.h).</summary>
public static class InputEventCodes
{
    /// <summary>EV_SYN.</summary>
    public const ushort EventSync = 0x00;

    /// <summary>EV_KEY.</summary>
    public const ushort EventKey = 0x01;

    /// <summary>EV_MSC.</summary>
    public const ushort EventMisc = 0x04;

    /// <summary>KEY_1; KEY_2..KEY_9 follow, then KEY_0 = 11.</summary>
    public const ushort Key1 = 2;

    /// <summary>KEY_0.</summary>
    public const ushort Key0 = 11;

    /// <summary>KEY_ENTER.</summary>
    public const ushort KeyEnter = 28;

    /// <summary>KEY_A.</summary>
    public const ushort KeyA = 30;

    /// <summary>KEY_B.</summary>
    public const ushort KeyB = 48;

    /// <summary>KEY_C.</summary>
    public const ushort KeyC = 46;

    /// <summary>KEY_D.</summary>
    public const ushort KeyD = 32;

    /// <summary>KEY_E.</summary>
    public const ushort KeyE = 18;

    /// <summary>KEY_F.</summary>
    public const ushort KeyF = 33;

    /// <summary>KEY_LEFTSHIFT.</summary>
    public const ushort KeyLeftShift = 42;

    /// <summary>KEY_RIGHTSHIFT.</summary>
    public const ushort KeyRightShift = 54;

    /// <summary>KEY_SPACE.</summary>
    public const ushort KeySpace = 57;

    /// <summary>KEY_KP1 (keypad 1).</summary>
    public const ushort KeyKeypad1 = 79;

    /// <summary>KEY_KP5.</summary>
    public const ushort KeyKeypad5 = 76;

    /// <summary>KEY_KP9.</summary>
    public const ushort KeyKeypad9 = 73;

    /// <summary>KEY_KP0.</summary>
    public const ushort KeyKeypad0 = 82;

    /// <summary>KEY_KPENTER.</summary>
    public const ushort KeyKeypadEnter = 96;

    /// <summary>EV_KEY value of a press.</summary>
    public const int Pressed = 1;

    /// <summary>EV_KEY value of a release.</summary>
    public const int Released = 0;

    /// <summary>The character a key gives, or null: digits (main row and keypad) and A–F; shift turns digits into symbols.</summary>
    public static char? CharacterOf(ushort code, bool shifted)
    {
        char? plain = code switch
        {
            >= Key1 and <= 10 => (char)('1' + (code - Key1)),
            Key0 => '0',
            KeyKeypad0 => '0',
            KeyKeypad1 or 80 or 81 => (char)('1' + (code - KeyKeypad1)),
            75 or KeyKeypad5 or 77 => (char)('4' + (code - 75)),
            71 or 72 or KeyKeypad9 => (char)('7' + (code - 71)),
            KeyA => 'A',
            KeyB => 'B',
            KeyC => 'C',
            KeyD => 'D',
            KeyE => 'E',
            KeyF => 'F',
            _ => null,
        };

        // Shift with a main-row digit types a symbol (!"#…); letters stay letters (upper case either way).
        if (plain is >= '0' and <= '9' && shifted && code is >= Key1 and <= Key0)
        {
            return null;
        }

        return plain;
    }
}
