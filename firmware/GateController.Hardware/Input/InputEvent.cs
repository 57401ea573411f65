using System.Runtime.InteropServices;

namespace GateController.Hardware.Input;

/// <summary>
/// struct input_event (linux/input.h) on a 64-bit process: struct timeval (two 64-bit fields), type u16, code u16,
/// value s32 — 24 bytes.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public readonly record struct InputEvent
{
    /// <summary>sizeof(struct input_event) on 64-bit Linux.</summary>
    public const int Size = 24;

    /// <summary>An event with its kernel timestamp.</summary>
    public InputEvent(long seconds, long microseconds, ushort type, ushort code, int value)
    {
        Seconds = seconds;
        Microseconds = microseconds;
        Type = type;
        Code = code;
        Value = value;
    }

    /// <summary>time.tv_sec.</summary>
    public long Seconds { get; }

    /// <summary>time.tv_usec.</summary>
    public long Microseconds { get; }

    /// <summary>Event type: EV_SYN, EV_KEY, EV_MSC…</summary>
    public ushort Type { get; }

    /// <summary>Event code, for EV_KEY the key code.</summary>
    public ushort Code { get; }

    /// <summary>For EV_KEY: 1 pressed, 0 released, 2 auto-repeat.</summary>
    public int Value { get; }

    /// <summary>The kernel timestamp in microseconds.</summary>
    public long TimestampMicroseconds => (Seconds * 1_000_000) + Microseconds;

    /// <summary>Reads one record from <paramref name="source"/> (at least <see cref="Size"/> bytes).</summary>
    public static InputEvent Read(ReadOnlySpan<byte> source) => MemoryMarshal.Read<InputEvent>(source);

    /// <summary>Writes this record into <paramref name="destination"/> (at least <see cref="Size"/> bytes).</summary>
    public void Write(Span<byte> destination)
    {
        var copy = this;
        MemoryMarshal.Write(destination, in copy);
    }
}
