using System.Runtime.InteropServices;

namespace GateController.Telemetry.Health.Interop;

/// <summary>
/// <c>struct statvfs</c> from &lt;sys/statvfs.h&gt; (glibc, 64-bit Linux). Layout is checked against the header by a
/// compiled probe in the tests.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct StatvfsNative
{
    /// <summary>File system block size.</summary>
    public nuint BlockSize;

    /// <summary>Fragment size: the unit of the block counts.</summary>
    public nuint FragmentSize;

    /// <summary>Size of the file system in fragments.</summary>
    public ulong Blocks;

    /// <summary>Free fragments.</summary>
    public ulong FreeBlocks;

    /// <summary>Free fragments for unprivileged users.</summary>
    public ulong AvailableBlocks;

    /// <summary>Inodes.</summary>
    public ulong Files;

    /// <summary>Free inodes.</summary>
    public ulong FreeFiles;

    /// <summary>Free inodes for unprivileged users.</summary>
    public ulong AvailableFiles;

    /// <summary>File system id.</summary>
    public nuint FileSystemId;

    /// <summary>Mount flags.</summary>
    public nuint Flags;

    /// <summary>Longest file name.</summary>
    public nuint MaximumNameLength;

    /// <summary>Reserved (<c>__f_spare[6]</c>).</summary>
    public fixed int Spare[6];
}
