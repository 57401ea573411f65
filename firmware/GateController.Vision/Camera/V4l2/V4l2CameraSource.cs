using System.Runtime.InteropServices;
using GateController.Vision.Interop;

namespace GateController.Vision.Camera.V4l2;

/// <summary>
/// A USB (UVC) camera on /dev/videoN through V4L2 memory-mapped streaming: QUERYCAP, S_FMT, REQBUFS, QUERYBUF +
/// mmap, QBUF, STREAMON, then poll + DQBUF per frame, STREAMOFF on the way out. YUYV frames are copied out as
/// <see cref="Imaging.ImagePixelFormat.Yuyv"/> images; MJPEG frames are decoded to RGB24. Damaged, truncated and
/// short frames are dropped with the reason in health; a change of resolution, an unplugged camera or any ioctl
/// failure ends the session with an <see cref="IOException"/> naming the device and errno, and capture restarts
/// with backoff. 64-bit Linux only (the struct layouts are those of LP64).
/// </summary>
public sealed class V4l2CameraSource : CameraSource
{
    private readonly V4l2CameraOptions _camera;

    /// <summary>Creates the source; the device is opened by <see cref="CameraSource.RunAsync"/>.</summary>
    /// <exception cref="ArgumentException">The options are not valid; the message lists every problem.</exception>
    /// <exception cref="PlatformNotSupportedException">Not a 64-bit Linux process.</exception>
    public V4l2CameraSource(V4l2CameraOptions camera, CameraSourceOptions options, TimeProvider timeProvider)
        : base(RequireValid(camera).DevicePath, options, timeProvider)
    {
        if (!OperatingSystem.IsLinux() || IntPtr.Size != 8)
        {
            throw new PlatformNotSupportedException("V4L2 capture needs a 64-bit Linux process");
        }

        _camera = camera;
    }

    /// <inheritdoc />
    protected override Task StreamAsync(CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() => Capture(cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static V4l2CameraOptions RequireValid(V4l2CameraOptions camera)
    {
        ArgumentNullException.ThrowIfNull(camera);
        var problems = camera.Validate();
        return problems.Count == 0 ? camera : throw new ArgumentException(string.Join("; ", problems), nameof(camera));
    }

    private unsafe void Capture(CancellationToken cancellationToken)
    {
        var path = _camera.DevicePath;
        using var device = Open(path);
        var format = Negotiate(device);
        var mappings = new List<(IntPtr Address, nuint Length)>();
        var streaming = false;
        try
        {
            MapBuffers(device, mappings);
            var type = (int)V4l2Native.BufferTypeVideoCapture;
            Check(V4l2Native.ioctl(device, V4l2Native.StreamOn, &type), "VIDIOC_STREAMON");
            streaming = true;
            ReportStreaming();
            using var decoder = new V4l2FrameDecoder(_camera.PixelFormat, (int)format.Width, (int)format.Height, (int)format.BytesPerLine);
            while (!cancellationToken.IsCancellationRequested)
            {
                if (WaitForFrame(device) && TryDequeue(device, out var buffer))
                {
                    var captured = TimeProvider.GetUtcNow();
                    var mapping = mappings[(int)buffer.Index];
                    var data = new ReadOnlySpan<byte>((void*)mapping.Address, (int)Math.Min(buffer.BytesUsed, (uint)mapping.Length));
                    var decoded = decoder.TryDecode(data, buffer.Flags, out var image, out var rejection, out var problem);
                    Check(V4l2Native.ioctl(device, V4l2Native.QueueBuffer, &buffer), "VIDIOC_QBUF");
                    if (decoded)
                    {
                        PublishFrame(image!, captured);
                    }
                    else
                    {
                        RejectFrame(rejection, problem!);
                        if (rejection == CameraFrameRejection.ResolutionChanged)
                        {
                            throw new IOException($"{path}: resolution changed ({problem}); renegotiating");
                        }
                    }
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
        }
        finally
        {
            if (streaming)
            {
                var type = (int)V4l2Native.BufferTypeVideoCapture;
                _ = V4l2Native.ioctl(device, V4l2Native.StreamOff, &type);
            }

            foreach (var (address, length) in mappings)
            {
                new Span<byte>((void*)address, (int)length).Clear();
                _ = V4l2Native.munmap(address, length);
            }

            var release = new V4l2RequestBuffers { Count = 0, Type = V4l2Native.BufferTypeVideoCapture, Memory = V4l2Native.MemoryMmap };
            _ = V4l2Native.ioctl(device, V4l2Native.RequestBuffers, &release);
        }

        void Check(int result, string call)
        {
            if (result < 0)
            {
                throw Failure(path, call, Marshal.GetLastPInvokeError());
            }
        }
    }

    private static IOException Failure(string path, string call, int errno) =>
        new($"{path}: {call} failed: errno {errno} ({V4l2Native.ErrorName(errno)})");

    private static V4l2DeviceHandle Open(string path)
    {
        var fd = V4l2Native.open(path, V4l2Native.OpenReadWrite | V4l2Native.OpenNonBlocking | V4l2Native.OpenCloseOnExec);
        if (fd < 0)
        {
            throw Failure(path, "open", Marshal.GetLastPInvokeError());
        }

        var handle = new V4l2DeviceHandle();
        Marshal.InitHandle(handle, fd);
        return handle;
    }

    private unsafe V4l2PixFormat Negotiate(V4l2DeviceHandle device)
    {
        var path = _camera.DevicePath;
        V4l2Capability capability;
        if (V4l2Native.ioctl(device, V4l2Native.QueryCapability, &capability) < 0)
        {
            throw Failure(path, "VIDIOC_QUERYCAP", Marshal.GetLastPInvokeError());
        }

        var problem = V4l2FormatNegotiation.CheckCapabilities(capability.Capabilities, capability.DeviceCaps);
        if (problem is not null)
        {
            throw new IOException($"{path}: {problem}");
        }

        var format = V4l2FormatNegotiation.Request(_camera);
        if (V4l2Native.ioctl(device, V4l2Native.SetFormat, &format) < 0)
        {
            throw Failure(path, "VIDIOC_S_FMT", Marshal.GetLastPInvokeError());
        }

        problem = V4l2FormatNegotiation.CheckAccepted(_camera, format.Pix);
        return problem is null ? format.Pix : throw new IOException($"{path}: {problem}");
    }

    private unsafe void MapBuffers(V4l2DeviceHandle device, List<(IntPtr Address, nuint Length)> mappings)
    {
        var path = _camera.DevicePath;
        var request = new V4l2RequestBuffers
        {
            Count = (uint)_camera.BufferCount,
            Type = V4l2Native.BufferTypeVideoCapture,
            Memory = V4l2Native.MemoryMmap,
        };
        if (V4l2Native.ioctl(device, V4l2Native.RequestBuffers, &request) < 0)
        {
            throw Failure(path, "VIDIOC_REQBUFS", Marshal.GetLastPInvokeError());
        }

        if (request.Count < 2)
        {
            throw new IOException($"{path}: the driver granted {request.Count} buffers, at least 2 are needed");
        }

        for (uint index = 0; index < request.Count; index++)
        {
            var buffer = new V4l2Buffer { Index = index, Type = V4l2Native.BufferTypeVideoCapture, Memory = V4l2Native.MemoryMmap };
            if (V4l2Native.ioctl(device, V4l2Native.QueryBuffer, &buffer) < 0)
            {
                throw Failure(path, "VIDIOC_QUERYBUF", Marshal.GetLastPInvokeError());
            }

            var address = V4l2Native.mmap(
                IntPtr.Zero, buffer.Length, V4l2Native.ProtectionRead | V4l2Native.ProtectionWrite, V4l2Native.MapShared, device, buffer.Offset);
            if (address == V4l2Native.MapFailed)
            {
                throw Failure(path, "mmap", Marshal.GetLastPInvokeError());
            }

            mappings.Add((address, buffer.Length));
            if (V4l2Native.ioctl(device, V4l2Native.QueueBuffer, &buffer) < 0)
            {
                throw Failure(path, "VIDIOC_QBUF", Marshal.GetLastPInvokeError());
            }
        }
    }

    private unsafe bool WaitForFrame(V4l2DeviceHandle device)
    {
        var descriptor = new V4l2PollDescriptor { FileDescriptor = device.FileDescriptor, Events = V4l2Native.PollIn };
        var ready = V4l2Native.poll(&descriptor, 1, (int)_camera.PollTimeout.TotalMilliseconds);
        if (ready < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno == V4l2Native.ErrorInterrupted ? false : throw Failure(_camera.DevicePath, "poll", errno);
        }

        if ((descriptor.ReturnedEvents & (V4l2Native.PollError | V4l2Native.PollHangUp | V4l2Native.PollInvalid)) != 0)
        {
            throw new IOException($"{_camera.DevicePath}: poll reported an error or hang-up (camera unplugged?) (events 0x{descriptor.ReturnedEvents:x})");
        }

        return ready > 0;
    }

    private unsafe bool TryDequeue(V4l2DeviceHandle device, out V4l2Buffer buffer)
    {
        buffer = new V4l2Buffer { Type = V4l2Native.BufferTypeVideoCapture, Memory = V4l2Native.MemoryMmap };
        fixed (V4l2Buffer* pointer = &buffer)
        {
            if (V4l2Native.ioctl(device, V4l2Native.DequeueBuffer, pointer) >= 0)
            {
                return true;
            }
        }

        var errno = Marshal.GetLastPInvokeError();
        return errno is V4l2Native.ErrorTryAgain or V4l2Native.ErrorInterrupted ? false : throw Failure(_camera.DevicePath, "VIDIOC_DQBUF", errno);
    }
}
