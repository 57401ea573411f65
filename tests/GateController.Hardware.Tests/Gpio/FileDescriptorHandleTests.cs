using System.Runtime.CompilerServices;
using GateController.Hardware.Interop;

namespace GateController.Hardware.Tests.Gpio;

/// <summary>
/// The fd a SafeHandle owns is what keeps a GPIO line requested; these tests watch the other end of a pipe,
/// which sees end-of-file exactly when our handle's fd is closed by the kernel (robust against fd reuse).
/// </summary>
public sealed unsafe class FileDescriptorHandleTests
{
    [Fact]
    public void Dispose_OwnedDescriptor_KernelSeesItClosed()
    {
        var (readEnd, writeEnd) = Pipe();
        using (readEnd)
        {
            Assert.False(PeerClosed(readEnd));

            writeEnd.Dispose();

            Assert.True(writeEnd.IsClosed);
            Assert.True(PeerClosed(readEnd));
        }
    }

    [Fact]
    public void Finalizer_HandleDroppedWithoutDispose_KernelSeesItClosed()
    {
        var readEnd = PipeDroppingWriteEnd();
        using (readEnd)
        {
            for (var attempt = 0; attempt < 10 && !PeerClosed(readEnd); attempt++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }

            Assert.True(PeerClosed(readEnd));
        }
    }

    [Fact]
    public void Open_MissingDevice_ThrowsIOExceptionNamingDeviceAndErrno()
    {
        var error = Assert.Throws<IOException>(() => FileDescriptorHandle.Open("/dev/gpiochip-does-not-exist", Libc.O_RDWR));

        Assert.Contains("/dev/gpiochip-does-not-exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("ENOENT", error.Message, StringComparison.Ordinal);
        Assert.Contains("errno 2", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, error.HResult);
    }

    internal static (FileDescriptorHandle ReadEnd, FileDescriptorHandle WriteEnd) Pipe()
    {
        var fds = stackalloc int[2];
        Assert.Equal(0, Libc.Pipe2(fds, Libc.O_NONBLOCK | Libc.O_CLOEXEC));
        return (new FileDescriptorHandle(fds[0]), new FileDescriptorHandle(fds[1]));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static FileDescriptorHandle PipeDroppingWriteEnd() => Pipe().ReadEnd;

    private static bool PeerClosed(FileDescriptorHandle readEnd)
    {
        var buffer = stackalloc byte[1];
        var result = readEnd.Use(fd => (long)Libc.Read(fd, buffer, 1));
        return result == 0;
    }
}
