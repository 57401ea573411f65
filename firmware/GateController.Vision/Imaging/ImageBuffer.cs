using System.Buffers;

namespace GateController.Vision.Imaging;

/// <summary>
/// An image in a pooled buffer. Rows are tightly packed (<see cref="Stride"/> = row bytes); NV12 keeps its
/// U V plane right after the Y plane. Disposing returns the buffer to the pool cleared, so no pixels of a
/// camera frame or a photo outlive their use (privacy rule P5). Not thread-safe.
/// </summary>
public sealed class ImageBuffer : IDisposable
{
    /// <summary>The largest image accepted (64 megapixels).</summary>
    public const long MaximumPixelCount = 64L * 1024 * 1024;

    private byte[]? _pixels;

    private ImageBuffer(byte[] pixels, int width, int height, ImagePixelFormat format)
    {
        _pixels = pixels;
        Width = width;
        Height = height;
        Format = format;
        Stride = format.RowBytes(width);
        Length = format.ImageBytes(width, height);
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>The pixel layout.</summary>
    public ImagePixelFormat Format { get; }

    /// <summary>Bytes from one row to the next (of the Y plane for NV12).</summary>
    public int Stride { get; }

    /// <summary>Bytes of the whole image.</summary>
    public int Length { get; }

    /// <summary>Whether the buffer has been returned.</summary>
    public bool IsDisposed => _pixels is null;

    /// <summary>All the image bytes.</summary>
    public Span<byte> Pixels => Array().AsSpan(0, Length);

    /// <summary>Rents a zero-filled image of this size and format.</summary>
    /// <exception cref="ArgumentException">The size is not valid for the format.</exception>
    public static ImageBuffer Rent(int width, int height, ImagePixelFormat format)
    {
        var problem = format.CheckDimensions(width, height);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(width));
        }

        var length = format.ImageBytes(width, height);
        var pixels = ArrayPool<byte>.Shared.Rent(length);
        pixels.AsSpan(0, length).Clear();
        return new ImageBuffer(pixels, width, height, format);
    }

    /// <summary>One row of pixels (of the Y plane for NV12).</summary>
    public Span<byte> Row(int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        return Array().AsSpan(y * Stride, Stride);
    }

    /// <summary>A new pooled copy of this image.</summary>
    public ImageBuffer Clone()
    {
        var copy = Rent(Width, Height, Format);
        Pixels.CopyTo(copy.Pixels);
        return copy;
    }

    /// <summary>Clears the pixels and returns the buffer to the pool.</summary>
    public void Dispose()
    {
        var pixels = _pixels;
        if (pixels is null)
        {
            return;
        }

        _pixels = null;
        ArrayPool<byte>.Shared.Return(pixels, clearArray: true);
    }

    /// <summary>The pooled array itself, for tests that prove it is cleared on return.</summary>
    internal byte[]? UnderlyingArray => _pixels;

    private byte[] Array() => _pixels ?? throw new ObjectDisposedException(nameof(ImageBuffer));
}
