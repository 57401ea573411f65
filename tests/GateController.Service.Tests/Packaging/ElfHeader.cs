using System.Buffers.Binary;

namespace GateController.Service.Tests.Packaging;

/// <summary>The identifying fields of an ELF file header (elf.h: Elf64_Ehdr / Elf32_Ehdr).</summary>
internal readonly record struct ElfHeader(int Class, int DataEncoding, int Type, int Machine)
{
    /// <summary>EM_X86_64.</summary>
    public const int MachineX86_64 = 62;

    /// <summary>EM_AARCH64.</summary>
    public const int MachineAArch64 = 183;

    /// <summary>ELFCLASS64.</summary>
    public const int Class64 = 2;

    /// <summary>ELFDATA2LSB.</summary>
    public const int LittleEndian = 1;

    /// <summary>Reads the header from the first 20 bytes; false when they are not an ELF header.</summary>
    public static bool TryRead(ReadOnlySpan<byte> start, out ElfHeader header)
    {
        header = default;
        if (start.Length < 20 || start[0] != 0x7F || start[1] != (byte)'E' || start[2] != (byte)'L' || start[3] != (byte)'F')
        {
            return false;
        }

        var encoding = start[5];
        var type = encoding == LittleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(start[16..]) : BinaryPrimitives.ReadUInt16BigEndian(start[16..]);
        var machine = encoding == LittleEndian ? BinaryPrimitives.ReadUInt16LittleEndian(start[18..]) : BinaryPrimitives.ReadUInt16BigEndian(start[18..]);
        header = new ElfHeader(start[4], encoding, type, machine);
        return true;
    }

    /// <summary>Reads the header of <paramref name="path"/>; throws when it is not an ELF file.</summary>
    public static ElfHeader ReadFile(string path)
    {
        Span<byte> start = stackalloc byte[20];
        using (var stream = File.OpenRead(path))
        {
            stream.ReadExactly(start);
        }

        return TryRead(start, out var header) ? header : throw new InvalidDataException($"{path} is not an ELF file");
    }
}
