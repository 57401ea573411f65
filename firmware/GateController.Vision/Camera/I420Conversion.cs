using GateController.Vision.Imaging;

namespace GateController.Vision.Camera;

/// <summary>
/// Planar YUV 4:2:0 (I420: the Y plane, then U, then V, each chroma plane at half width and height, tightly
/// packed) as written by rpicam-vid --codec yuv420, into pooled images.
/// </summary>
public static class I420Conversion
{
    /// <summary>Bytes of one tightly packed I420 frame.</summary>
    /// <exception cref="ArgumentException">The size is not positive and even.</exception>
    public static int FrameBytes(int width, int height)
    {
        var problem = ImagePixelFormat.Nv12.CheckDimensions(width, height);
        return problem is null ? checked((width * height) + (2 * (width / 2) * (height / 2))) : throw new ArgumentException(problem, nameof(width));
    }

    /// <summary>Rearranges an I420 frame into an NV12 image (the same samples, U and V interleaved): no colour maths.</summary>
    /// <exception cref="ArgumentException">The frame is not <see cref="FrameBytes"/> long or the size is not even.</exception>
    public static ImageBuffer ToNv12(ReadOnlySpan<byte> i420, int width, int height)
    {
        var length = FrameBytes(width, height);
        if (i420.Length != length)
        {
            throw new ArgumentException($"an I420 frame of {width}x{height} has {length} bytes, not {i420.Length}", nameof(i420));
        }

        var lumaBytes = width * height;
        var chromaBytes = (width / 2) * (height / 2);
        var u = i420.Slice(lumaBytes, chromaBytes);
        var v = i420.Slice(lumaBytes + chromaBytes, chromaBytes);
        var image = ImageBuffer.Rent(width, height, ImagePixelFormat.Nv12);
        var pixels = image.Pixels;
        i420[..lumaBytes].CopyTo(pixels);
        var interleaved = pixels[lumaBytes..];
        for (var i = 0; i < chromaBytes; i++)
        {
            interleaved[2 * i] = u[i];
            interleaved[(2 * i) + 1] = v[i];
        }

        return image;
    }

    /// <summary>Converts an I420 frame into a pooled image of <paramref name="format"/> (NV12 directly, others through it).</summary>
    public static ImageBuffer Convert(ReadOnlySpan<byte> i420, int width, int height, ImagePixelFormat format)
    {
        var nv12 = ToNv12(i420, width, height);
        if (format == ImagePixelFormat.Nv12)
        {
            return nv12;
        }

        using (nv12)
        {
            return ImageConverter.Convert(nv12, format);
        }
    }
}
