namespace GateController.Hardware.Interop;

/// <summary>The asm-generic _IOC encoding used on x86-64, arm and arm64: dir(2) | size(14) | type(8) | nr(8).</summary>
internal static class IoctlNumber
{
    private const uint DirectionWrite = 1;
    private const uint DirectionRead = 2;

    /// <summary>_IOR(type, nr, size).</summary>
    internal static nuint Read(uint type, uint number, uint size) => Encode(DirectionRead, type, number, size);

    /// <summary>_IOW(type, nr, size).</summary>
    internal static nuint Write(uint type, uint number, uint size) => Encode(DirectionWrite, type, number, size);

    /// <summary>_IOWR(type, nr, size).</summary>
    internal static nuint ReadWrite(uint type, uint number, uint size) => Encode(DirectionRead | DirectionWrite, type, number, size);

    private static nuint Encode(uint direction, uint type, uint number, uint size)
    {
        if (size >= 1 << 14)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "an ioctl argument is at most 16383 bytes");
        }

        return (nuint)((direction << 30) | (size << 16) | (type << 8) | number);
    }
}
