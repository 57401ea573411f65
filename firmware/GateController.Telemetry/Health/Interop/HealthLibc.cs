using System.Runtime.InteropServices;

namespace GateController.Telemetry.Health.Interop;

/// <summary>The libc calls the health probe needs: <c>statvfs(3)</c> and <c>adjtimex(2)</c>.</summary>
internal static unsafe partial class HealthLibc
{
    /// <summary><c>STA_UNSYNC</c> from &lt;sys/timex.h&gt;: the clock is not synchronised.</summary>
    internal const int STA_UNSYNC = 0x0040;

    /// <summary><c>TIME_ERROR</c> from &lt;sys/timex.h&gt;: the clock is not synchronised.</summary>
    internal const int TIME_ERROR = 5;

    private const string LibraryName = "libc";

    [LibraryImport(LibraryName, EntryPoint = "statvfs", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Statvfs(string path, StatvfsNative* buffer);

    [LibraryImport(LibraryName, EntryPoint = "adjtimex", SetLastError = true)]
    internal static partial int Adjtimex(TimexNative* buffer);
}
