namespace GateController.Vision.Camera.V4l2;

/// <summary>The pixel formats asked of a USB (UVC) camera.</summary>
public enum V4l2CapturePixelFormat
{
    /// <summary>Packed YUV 4:2:2, delivered as a <see cref="Imaging.ImagePixelFormat.Yuyv"/> image.</summary>
    Yuyv,

    /// <summary>Motion JPEG, decoded with libturbojpeg to RGB24.</summary>
    Mjpeg,
}
