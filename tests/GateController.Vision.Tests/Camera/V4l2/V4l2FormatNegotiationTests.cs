using GateController.Vision.Camera.V4l2;
using GateController.Vision.Interop;

namespace GateController.Vision.Tests.Camera.V4l2;

public sealed class V4l2FormatNegotiationTests
{
    private const uint Capture = V4l2Native.CapabilityVideoCapture;
    private const uint Streaming = V4l2Native.CapabilityStreaming;
    private const uint DeviceCaps = V4l2Native.CapabilityDeviceCaps;

    [Theory]
    [InlineData(Capture | Streaming, 0u, null)]
    [InlineData(DeviceCaps | Capture | Streaming, Capture | Streaming, null)]
    [InlineData(DeviceCaps | Capture | Streaming, 0x00800000u | Streaming, "is not a video capture device")]
    [InlineData(Streaming, 0u, "is not a video capture device")]
    [InlineData(Capture, 0u, "does not support streaming I/O")]
    [InlineData(DeviceCaps | Capture | Streaming, Capture, "does not support streaming I/O")]
    public void CheckCapabilities_Flags_AcceptsOnlyStreamingCapture(uint capabilities, uint deviceCapabilities, string? problemStart)
    {
        var problem = V4l2FormatNegotiation.CheckCapabilities(capabilities, deviceCapabilities);

        if (problemStart is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.StartsWith(problemStart, problem, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(V4l2CapturePixelFormat.Yuyv, 640, 480, 0x56595559u)]
    [InlineData(V4l2CapturePixelFormat.Mjpeg, 1280, 720, 0x47504A4Du)]
    public void Request_Options_AsksForSizeFormatAndProgressiveCapture(V4l2CapturePixelFormat format, int width, int height, uint fourcc)
    {
        var request = V4l2FormatNegotiation.Request(new V4l2CameraOptions { PixelFormat = format, Width = width, Height = height });

        Assert.Equal(V4l2Native.BufferTypeVideoCapture, request.Type);
        Assert.Equal((uint)width, request.Pix.Width);
        Assert.Equal((uint)height, request.Pix.Height);
        Assert.Equal(fourcc, request.Pix.PixelFormat);
        Assert.Equal(V4l2Native.FieldNone, request.Pix.Field);
    }

    public static TheoryData<V4l2CapturePixelFormat, int, int, uint, uint, uint, uint, string?> AcceptedCases => new()
    {
        { V4l2CapturePixelFormat.Yuyv, 640, 480, 640, 480, 0x56595559u, 1280, null },
        { V4l2CapturePixelFormat.Yuyv, 640, 480, 640, 480, 0x56595559u, 1344, null },
        { V4l2CapturePixelFormat.Mjpeg, 1280, 720, 1280, 720, 0x47504A4Du, 0, null },
        { V4l2CapturePixelFormat.Mjpeg, 1280, 720, 800, 600, 0x47504A4Du, 0, "offers 800x600 MJPG instead of 1280x720 MJPG" },
        { V4l2CapturePixelFormat.Mjpeg, 640, 480, 640, 480, 0x56595559u, 1280, "offers 640x480 YUYV instead of 640x480 MJPG" },
        { V4l2CapturePixelFormat.Yuyv, 640, 480, 640, 480, 0x56595559u, 640, "reports 640 bytes per line, fewer than 1280 for YUYV at width 640" },
    };

    [Theory]
    [MemberData(nameof(AcceptedCases))]
    public void CheckAccepted_DriverAnswer_RefusesAnythingButTheRequest(
        V4l2CapturePixelFormat format, int width, int height, uint gotWidth, uint gotHeight, uint gotFourcc, uint bytesPerLine, string? problem)
    {
        var options = new V4l2CameraOptions { PixelFormat = format, Width = width, Height = height };
        var accepted = new V4l2PixFormat
        {
            Width = gotWidth, Height = gotHeight, PixelFormat = gotFourcc, BytesPerLine = bytesPerLine, SizeImage = gotWidth * gotHeight * 2,
        };

        Assert.Equal(problem, V4l2FormatNegotiation.CheckAccepted(options, accepted));
    }

    [Fact]
    public void CheckAccepted_ZeroImageSize_Refused()
    {
        var options = new V4l2CameraOptions { PixelFormat = V4l2CapturePixelFormat.Mjpeg };
        var accepted = new V4l2PixFormat { Width = 640, Height = 480, PixelFormat = V4l2Native.PixelFormatMjpeg };

        Assert.Equal("reports an image size of 0 bytes", V4l2FormatNegotiation.CheckAccepted(options, accepted));
    }

    public static TheoryData<string, int, int, int, int, string?> OptionCases => new()
    {
        { "/dev/video0", 640, 480, 4, 200, null },
        { "/dev/video2", 1280, 720, 2, 1000, null },
        { "video0", 640, 480, 4, 200, "DevicePath" },
        { "/dev/video0", 800, 600, 4, 200, "Width×Height" },
        { "/dev/video0", 640, 720, 4, 200, "Width×Height" },
        { "/dev/video0", 640, 480, 1, 200, "BufferCount" },
        { "/dev/video0", 640, 480, 9, 200, "BufferCount" },
        { "/dev/video0", 640, 480, 4, 0, "PollTimeout" },
    };

    [Theory]
    [MemberData(nameof(OptionCases))]
    public void Validate_Settings_NamesTheWrongSetting(string device, int width, int height, int buffers, int pollMilliseconds, string? problem)
    {
        var problems = new V4l2CameraOptions
        {
            DevicePath = device, Width = width, Height = height, BufferCount = buffers, PollTimeout = TimeSpan.FromMilliseconds(pollMilliseconds),
        }.Validate();

        if (problem is null)
        {
            Assert.Empty(problems);
        }
        else
        {
            Assert.StartsWith(problem, Assert.Single(problems), StringComparison.Ordinal);
        }
    }
}
