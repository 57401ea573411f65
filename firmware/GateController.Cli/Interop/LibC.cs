using System.Runtime.InteropServices;

namespace GateController.Cli.Interop;

/// <summary>The libc calls provisioning needs: the effective user and changing a file's owner.</summary>
internal static partial class LibC
{
    /// <summary>geteuid(2): the effective user id of this process; it cannot fail.</summary>
    [LibraryImport("libc", EntryPoint = "geteuid")]
    internal static partial uint GetEffectiveUserId();

    /// <summary>chown(2); -1 leaves the owner or group unchanged. Returns 0 or -1 with errno set.</summary>
    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Chown(string path, int owner, int group);
}
