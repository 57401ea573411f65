using System.Runtime.InteropServices;

namespace GateController.Vision.Interop;

/// <summary>
/// The TurboJPEG 2.x C API of libturbojpeg.so.0 (turbojpeg.h), the subset the unit uses.
/// "unsigned long" is 64 bits on the LP64 Linux targets (x64, arm64), hence <see cref="nuint"/>.
/// </summary>
internal static partial class TurboJpegNative
{
    /// <summary>The shared library name (Debian package libturbojpeg0).</summary>
    public const string Library = "libturbojpeg.so.0";

    /// <summary>TJPF_RGB.</summary>
    public const int PixelFormatRgb = 0;

    /// <summary>TJPF_BGR.</summary>
    public const int PixelFormatBgr = 1;

    /// <summary>TJPF_GRAY.</summary>
    public const int PixelFormatGray = 6;

    /// <summary>TJSAMP_444.</summary>
    public const int Subsampling444 = 0;

    /// <summary>TJSAMP_422.</summary>
    public const int Subsampling422 = 1;

    /// <summary>TJSAMP_420.</summary>
    public const int Subsampling420 = 2;

    /// <summary>TJSAMP_GRAY.</summary>
    public const int SubsamplingGray = 3;

    /// <summary>TJFLAG_NOREALLOC: the caller's JPEG buffer is large enough (tjBufSize).</summary>
    public const int FlagNoRealloc = 1024;

    /// <summary>TJFLAG_ACCURATEDCT.</summary>
    public const int FlagAccurateDct = 4096;

    /// <summary>TJFLAG_STOPONWARNING: a truncated or damaged stream is an error, not a grey-filled image.</summary>
    public const int FlagStopOnWarning = 8192;

    /// <summary>TJERR_WARNING.</summary>
    public const int ErrorWarning = 0;

    [LibraryImport(Library)]
    internal static partial TurboJpegHandle tjInitDecompress();

    [LibraryImport(Library)]
    internal static partial TurboJpegHandle tjInitCompress();

    [LibraryImport(Library)]
    internal static partial int tjDestroy(IntPtr handle);

    [LibraryImport(Library)]
    internal static unsafe partial int tjDecompressHeader3(
        TurboJpegHandle handle, byte* jpegBuf, nuint jpegSize, out int width, out int height, out int jpegSubsamp, out int jpegColorspace);

    [LibraryImport(Library)]
    internal static unsafe partial int tjDecompress2(
        TurboJpegHandle handle, byte* jpegBuf, nuint jpegSize, byte* dstBuf, int width, int pitch, int height, int pixelFormat, int flags);

    [LibraryImport(Library)]
    internal static unsafe partial int tjCompress2(
        TurboJpegHandle handle, byte* srcBuf, int width, int pitch, int height, int pixelFormat,
        byte** jpegBuf, nuint* jpegSize, int jpegSubsamp, int jpegQual, int flags);

    [LibraryImport(Library)]
    internal static partial nuint tjBufSize(int width, int height, int jpegSubsamp);

    [LibraryImport(Library)]
    internal static partial IntPtr tjGetErrorStr2(TurboJpegHandle handle);

    [LibraryImport(Library)]
    internal static partial int tjGetErrorCode(TurboJpegHandle handle);

    /// <summary>The last error text of a handle.</summary>
    internal static string LastError(TurboJpegHandle handle) =>
        Marshal.PtrToStringUTF8(tjGetErrorStr2(handle)) ?? "unknown TurboJPEG error";
}
