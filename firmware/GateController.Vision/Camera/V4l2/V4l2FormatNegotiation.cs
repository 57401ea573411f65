using GateController.Vision.Interop;

namespace GateController.Vision.Camera.V4l2;

/// <summary>The pure part of opening a V4L2 camera: what to ask for, and whether the driver's answer will do.</summary>
internal static class V4l2FormatNegotiation
{
    /// <summary>The fourcc code of a capture format.</summary>
    public static uint FourCc(V4l2CapturePixelFormat format) => format switch
    {
        V4l2CapturePixelFormat.Yuyv => V4l2Native.PixelFormatYuyv,
        V4l2CapturePixelFormat.Mjpeg => V4l2Native.PixelFormatMjpeg,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown capture format"),
    };

    /// <summary>A fourcc code as its four letters ("MJPG").</summary>
    public static string FourCcName(uint code) => string.Concat(
        Enumerable.Range(0, 4).Select(i => (char)((code >> (8 * i)) & 0xFF)).Select(c => c is >= ' ' and <= '~' ? c : '?'));

    /// <summary>Why a device that answered VIDIOC_QUERYCAP cannot stream video capture, or null when it can.</summary>
    public static string? CheckCapabilities(uint capabilities, uint deviceCapabilities)
    {
        var effective = (capabilities & V4l2Native.CapabilityDeviceCaps) != 0 ? deviceCapabilities : capabilities;
        if ((effective & V4l2Native.CapabilityVideoCapture) == 0)
        {
            return "is not a video capture device (it may be the metadata node of the camera; try the other /dev/video number)";
        }

        return (effective & V4l2Native.CapabilityStreaming) == 0 ? "does not support streaming I/O" : null;
    }

    /// <summary>The VIDIOC_S_FMT request for these options.</summary>
    public static V4l2Format Request(V4l2CameraOptions options) => new()
    {
        Type = V4l2Native.BufferTypeVideoCapture,
        Pix = new V4l2PixFormat
        {
            Width = (uint)options.Width,
            Height = (uint)options.Height,
            PixelFormat = FourCc(options.PixelFormat),
            Field = V4l2Native.FieldNone,
        },
    };

    /// <summary>Why the format the driver settled on is not usable, or null when it is exactly what was asked.</summary>
    public static string? CheckAccepted(V4l2CameraOptions options, in V4l2PixFormat accepted)
    {
        var wanted = FourCc(options.PixelFormat);
        if (accepted.PixelFormat != wanted || accepted.Width != options.Width || accepted.Height != options.Height)
        {
            return $"offers {accepted.Width}x{accepted.Height} {FourCcName(accepted.PixelFormat)} instead of " +
                $"{options.Width}x{options.Height} {FourCcName(wanted)}";
        }

        if (options.PixelFormat == V4l2CapturePixelFormat.Yuyv && accepted.BytesPerLine < accepted.Width * 2)
        {
            return $"reports {accepted.BytesPerLine} bytes per line, fewer than {accepted.Width * 2} for YUYV at width {accepted.Width}";
        }

        return accepted.SizeImage == 0 ? "reports an image size of 0 bytes" : null;
    }
}
