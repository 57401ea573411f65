using System.Runtime.InteropServices;

namespace GateController.Vision.Interop;

/// <summary>A TurboJPEG compressor or decompressor instance (tjhandle), destroyed with tjDestroy.</summary>
internal sealed class TurboJpegHandle : SafeHandle
{
    /// <summary>Creates an empty handle; the marshaller fills it.</summary>
    public TurboJpegHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    /// <inheritdoc />
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <inheritdoc />
    protected override bool ReleaseHandle() => TurboJpegNative.tjDestroy(handle) == 0;
}
