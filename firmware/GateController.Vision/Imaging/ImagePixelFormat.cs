namespace GateController.Vision.Imaging;

/// <summary>The pixel layouts an <see cref="ImageBuffer"/> can hold.</summary>
public enum ImagePixelFormat
{
    /// <summary>8-bit red, green, blue per pixel, interleaved.</summary>
    Rgb24,

    /// <summary>8-bit blue, green, red per pixel, interleaved.</summary>
    Bgr24,

    /// <summary>8-bit luminance per pixel.</summary>
    Grey8,

    /// <summary>Packed 4:2:2 Y0 U Y1 V (V4L2 YUYV, BT.601 limited range); width must be even.</summary>
    Yuyv,

    /// <summary>A Y plane then an interleaved U V plane at half resolution (BT.601 limited range); width and height must be even.</summary>
    Nv12,
}
