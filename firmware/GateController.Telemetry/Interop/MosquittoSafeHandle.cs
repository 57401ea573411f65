using System.Runtime.InteropServices;

namespace GateController.Telemetry.Interop;

/// <summary>
/// Owns a <c>struct mosquitto*</c>. Release destroys the client first and only then frees the
/// <see cref="GCHandle"/> passed as userdata, so no callback can ever see a freed handle.
/// </summary>
internal sealed class MosquittoSafeHandle : SafeHandle
{
    private GCHandle _userData;

    public MosquittoSafeHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>Takes ownership of a handle from <c>mosquitto_new</c> and of the userdata handle given to it.</summary>
    internal void Attach(IntPtr mosquitto, GCHandle userData)
    {
        SetHandle(mosquitto);
        _userData = userData;
    }

    protected override bool ReleaseHandle()
    {
        MosquittoNative.mosquitto_destroy(handle);
        if (_userData.IsAllocated)
        {
            _userData.Free();
        }

        _ = MosquittoNative.mosquitto_lib_cleanup();
        return true;
    }
}
