using System.Runtime.InteropServices;

namespace GateController.Service.Interop;

/// <summary>The libc calls the admin socket needs: changing a file's group.</summary>
internal static partial class LibC
{
    /// <summary>chown(2); -1 leaves the owner or group unchanged. Returns 0 or -1 with errno set.</summary>
    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Chown(string path, int owner, int group);
}
