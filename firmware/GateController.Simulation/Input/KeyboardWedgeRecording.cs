using GateController.Hardware.Input;

namespace GateController.Simulation.Input;

/// <summary>
/// Builds input_event streams as a USB keyboard-wedge reader (or a person at a keyboard) produces them: for each key
/// EV_MSC scan code, EV_KEY press, EV_SYN, EV_KEY release, EV_SYN, with kernel-style timestamps.
/// </summary>
public sealed class KeyboardWedgeRecording
{
    private const int MscScan = 4;
    private readonly List<InputEvent> _events = [];
    private long _microseconds;

    /// <summary>A recording starting at <paramref name="startMicroseconds"/> (kernel timestamp).</summary>
    public KeyboardWedgeRecording(long startMicroseconds = 1_764_230_400_000_000)
    {
        _microseconds = startMicroseconds;
    }

    /// <summary>The events so far.</summary>
    public IReadOnlyList<InputEvent> Events => _events;

    /// <summary>Types <paramref name="text"/> (digits, A–F upper case with shift, other letters, space), one key every <paramref name="keyIntervalMicroseconds"/>, then Enter when <paramref name="enter"/>.</summary>
    public KeyboardWedgeRecording Type(string text, long keyIntervalMicroseconds = 2_000, bool enter = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var character in text)
        {
            var (code, shift) = CodeOf(character);
            if (shift)
            {
                Key(InputEventCodes.KeyLeftShift, InputEventCodes.Pressed);
            }

            Key(code, InputEventCodes.Pressed);
            _microseconds += 500;
            Key(code, InputEventCodes.Released);
            if (shift)
            {
                Key(InputEventCodes.KeyLeftShift, InputEventCodes.Released);
            }

            _microseconds += keyIntervalMicroseconds;
        }

        if (enter)
        {
            Key(InputEventCodes.KeyEnter, InputEventCodes.Pressed);
            _microseconds += 500;
            Key(InputEventCodes.KeyEnter, InputEventCodes.Released);
        }

        _microseconds += 50_000;
        return this;
    }

    /// <summary>Adds raw bytes' worth of events that are not key events at all (relative mouse motion).</summary>
    public KeyboardWedgeRecording Noise(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _events.Add(Event(2, 0, i % 2 == 0 ? 3 : -3));
            _events.Add(Event(InputEventCodes.EventSync, 0, 0));
            _microseconds += 1_000;
        }

        return this;
    }

    /// <summary>The stream as struct input_event records.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[_events.Count * InputEvent.Size];
        for (var i = 0; i < _events.Count; i++)
        {
            _events[i].Write(bytes.AsSpan(i * InputEvent.Size));
        }

        return bytes;
    }

    private void Key(ushort code, int value)
    {
        _events.Add(Event(InputEventCodes.EventMisc, MscScan, 0x70000 + code));
        _events.Add(Event(InputEventCodes.EventKey, code, value));
        _events.Add(Event(InputEventCodes.EventSync, 0, 0));
    }

    private InputEvent Event(ushort type, ushort code, int value) =>
        new(_microseconds / 1_000_000, _microseconds % 1_000_000, type, code, value);

    private static (ushort Code, bool Shift) CodeOf(char character) => character switch
    {
        '0' => (InputEventCodes.Key0, false),
        >= '1' and <= '9' => ((ushort)(InputEventCodes.Key1 + (character - '1')), false),
        'A' => (InputEventCodes.KeyA, true),
        'B' => (InputEventCodes.KeyB, true),
        'C' => (InputEventCodes.KeyC, true),
        'D' => (InputEventCodes.KeyD, true),
        'E' => (InputEventCodes.KeyE, true),
        'F' => (InputEventCodes.KeyF, true),
        'a' => (InputEventCodes.KeyA, false),
        'b' => (InputEventCodes.KeyB, false),
        'c' => (InputEventCodes.KeyC, false),
        'd' => (InputEventCodes.KeyD, false),
        'e' => (InputEventCodes.KeyE, false),
        'f' => (InputEventCodes.KeyF, false),
        'h' => (35, false),
        'i' => (23, false),
        ' ' => (InputEventCodes.KeySpace, false),
        '!' => (InputEventCodes.Key1, true),
        _ => throw new ArgumentException($"no key for '{character}' in this recorder", nameof(character)),
    };
}
