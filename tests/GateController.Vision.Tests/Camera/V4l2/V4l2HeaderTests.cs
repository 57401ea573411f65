using System.Globalization;
using System.Runtime.InteropServices;
using GateController.Vision.Interop;

namespace GateController.Vision.Tests.Camera.V4l2;

/// <summary>Checks every V4L2 struct layout, ioctl request number and constant the capture uses against the C headers, compiled with gcc.</summary>
public sealed class V4l2HeaderTests
{
    private static readonly (string C, long Ours)[] Facts =
    [
        ("sizeof(struct v4l2_capability)", Marshal.SizeOf<V4l2Capability>()),
        ("offsetof(struct v4l2_capability, driver)", Offset<V4l2Capability>("Driver")),
        ("offsetof(struct v4l2_capability, card)", Offset<V4l2Capability>("Card")),
        ("offsetof(struct v4l2_capability, bus_info)", Offset<V4l2Capability>("BusInfo")),
        ("offsetof(struct v4l2_capability, version)", Offset<V4l2Capability>("Version")),
        ("offsetof(struct v4l2_capability, capabilities)", Offset<V4l2Capability>("Capabilities")),
        ("offsetof(struct v4l2_capability, device_caps)", Offset<V4l2Capability>("DeviceCaps")),
        ("sizeof(struct v4l2_pix_format)", Marshal.SizeOf<V4l2PixFormat>()),
        ("offsetof(struct v4l2_pix_format, width)", Offset<V4l2PixFormat>("Width")),
        ("offsetof(struct v4l2_pix_format, height)", Offset<V4l2PixFormat>("Height")),
        ("offsetof(struct v4l2_pix_format, pixelformat)", Offset<V4l2PixFormat>("PixelFormat")),
        ("offsetof(struct v4l2_pix_format, field)", Offset<V4l2PixFormat>("Field")),
        ("offsetof(struct v4l2_pix_format, bytesperline)", Offset<V4l2PixFormat>("BytesPerLine")),
        ("offsetof(struct v4l2_pix_format, sizeimage)", Offset<V4l2PixFormat>("SizeImage")),
        ("offsetof(struct v4l2_pix_format, colorspace)", Offset<V4l2PixFormat>("Colorspace")),
        ("offsetof(struct v4l2_pix_format, priv)", Offset<V4l2PixFormat>("Private")),
        ("offsetof(struct v4l2_pix_format, flags)", Offset<V4l2PixFormat>("Flags")),
        ("offsetof(struct v4l2_pix_format, ycbcr_enc)", Offset<V4l2PixFormat>("YcbcrEncoding")),
        ("offsetof(struct v4l2_pix_format, quantization)", Offset<V4l2PixFormat>("Quantization")),
        ("offsetof(struct v4l2_pix_format, xfer_func)", Offset<V4l2PixFormat>("TransferFunction")),
        ("sizeof(struct v4l2_format)", Marshal.SizeOf<V4l2Format>()),
        ("offsetof(struct v4l2_format, type)", Offset<V4l2Format>("Type")),
        ("offsetof(struct v4l2_format, fmt.pix)", Offset<V4l2Format>("Pix")),
        ("sizeof(struct v4l2_requestbuffers)", Marshal.SizeOf<V4l2RequestBuffers>()),
        ("offsetof(struct v4l2_requestbuffers, count)", Offset<V4l2RequestBuffers>("Count")),
        ("offsetof(struct v4l2_requestbuffers, type)", Offset<V4l2RequestBuffers>("Type")),
        ("offsetof(struct v4l2_requestbuffers, memory)", Offset<V4l2RequestBuffers>("Memory")),
        ("offsetof(struct v4l2_requestbuffers, capabilities)", Offset<V4l2RequestBuffers>("Capabilities")),
        ("offsetof(struct v4l2_requestbuffers, flags)", Offset<V4l2RequestBuffers>("Flags")),
        ("sizeof(struct v4l2_buffer)", Marshal.SizeOf<V4l2Buffer>()),
        ("offsetof(struct v4l2_buffer, index)", Offset<V4l2Buffer>("Index")),
        ("offsetof(struct v4l2_buffer, type)", Offset<V4l2Buffer>("Type")),
        ("offsetof(struct v4l2_buffer, bytesused)", Offset<V4l2Buffer>("BytesUsed")),
        ("offsetof(struct v4l2_buffer, flags)", Offset<V4l2Buffer>("Flags")),
        ("offsetof(struct v4l2_buffer, field)", Offset<V4l2Buffer>("Field")),
        ("offsetof(struct v4l2_buffer, timestamp.tv_sec)", Offset<V4l2Buffer>("TimestampSeconds")),
        ("offsetof(struct v4l2_buffer, timestamp.tv_usec)", Offset<V4l2Buffer>("TimestampMicroseconds")),
        ("offsetof(struct v4l2_buffer, sequence)", Offset<V4l2Buffer>("Sequence")),
        ("offsetof(struct v4l2_buffer, memory)", Offset<V4l2Buffer>("Memory")),
        ("offsetof(struct v4l2_buffer, m.offset)", Offset<V4l2Buffer>("Offset")),
        ("offsetof(struct v4l2_buffer, length)", Offset<V4l2Buffer>("Length")),
        ("offsetof(struct v4l2_buffer, reserved2)", Offset<V4l2Buffer>("Reserved2")),
        ("offsetof(struct v4l2_buffer, request_fd)", Offset<V4l2Buffer>("RequestFd")),
        ("sizeof(struct pollfd)", Marshal.SizeOf<V4l2PollDescriptor>()),
        ("offsetof(struct pollfd, events)", Offset<V4l2PollDescriptor>("Events")),
        ("offsetof(struct pollfd, revents)", Offset<V4l2PollDescriptor>("ReturnedEvents")),
        ("VIDIOC_QUERYCAP", (long)V4l2Native.QueryCapability),
        ("VIDIOC_G_FMT", (long)V4l2Native.GetFormat),
        ("VIDIOC_S_FMT", (long)V4l2Native.SetFormat),
        ("VIDIOC_REQBUFS", (long)V4l2Native.RequestBuffers),
        ("VIDIOC_QUERYBUF", (long)V4l2Native.QueryBuffer),
        ("VIDIOC_QBUF", (long)V4l2Native.QueueBuffer),
        ("VIDIOC_DQBUF", (long)V4l2Native.DequeueBuffer),
        ("VIDIOC_STREAMON", (long)V4l2Native.StreamOn),
        ("VIDIOC_STREAMOFF", (long)V4l2Native.StreamOff),
        ("V4L2_BUF_TYPE_VIDEO_CAPTURE", V4l2Native.BufferTypeVideoCapture),
        ("V4L2_MEMORY_MMAP", V4l2Native.MemoryMmap),
        ("V4L2_FIELD_NONE", V4l2Native.FieldNone),
        ("V4L2_CAP_VIDEO_CAPTURE", V4l2Native.CapabilityVideoCapture),
        ("V4L2_CAP_STREAMING", V4l2Native.CapabilityStreaming),
        ("V4L2_CAP_DEVICE_CAPS", V4l2Native.CapabilityDeviceCaps),
        ("V4L2_BUF_FLAG_ERROR", V4l2Native.BufferFlagError),
        ("V4L2_PIX_FMT_YUYV", V4l2Native.PixelFormatYuyv),
        ("V4L2_PIX_FMT_MJPEG", V4l2Native.PixelFormatMjpeg),
        ("O_RDWR", V4l2Native.OpenReadWrite),
        ("O_NONBLOCK", V4l2Native.OpenNonBlocking),
        ("O_CLOEXEC", V4l2Native.OpenCloseOnExec),
        ("PROT_READ", V4l2Native.ProtectionRead),
        ("PROT_WRITE", V4l2Native.ProtectionWrite),
        ("MAP_SHARED", V4l2Native.MapShared),
        ("POLLIN", V4l2Native.PollIn),
        ("POLLERR", V4l2Native.PollError),
        ("POLLHUP", V4l2Native.PollHangUp),
        ("POLLNVAL", V4l2Native.PollInvalid),
        ("EINTR", V4l2Native.ErrorInterrupted),
        ("EAGAIN", V4l2Native.ErrorTryAgain),
        ("(long)MAP_FAILED", V4l2Native.MapFailed),
    ];

    [Fact]
    public void LayoutsRequestsAndConstants_MatchVideodev2Header()
    {
        var lines = string.Join('\n', Facts.Select(f => $"  printf(\"%lld\\n\", (long long)({f.C}));"));
        var values = CHeaderProbe.CompileAndRun($$"""
            #include <stddef.h>
            #include <stdio.h>
            #include <fcntl.h>
            #include <errno.h>
            #include <poll.h>
            #include <sys/mman.h>
            #include <sys/ioctl.h>
            #include <linux/videodev2.h>
            int main(void) {
            {{lines}}
              return 0;
            }
            """).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(Facts.Length, values.Length);
        var mismatches = Facts
            .Select((fact, i) => (fact.C, fact.Ours, Header: long.Parse(values[i], CultureInfo.InvariantCulture)))
            .Where(f => f.Ours != f.Header)
            .Select(f => $"{f.C}: ours {f.Ours}, header {f.Header}")
            .ToList();
        Assert.Empty(mismatches);
    }

    private static long Offset<T>(string field) => Marshal.OffsetOf<T>(field).ToInt64();
}
