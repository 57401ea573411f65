using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using GateController.Vision.Interop;

namespace GateController.Vision.Imaging;

/// <summary>
/// Decodes JPEG images with libturbojpeg into pooled <see cref="ImageBuffer"/>s. One instance holds one
/// TurboJPEG decompressor: use it from one thread at a time.
/// </summary>
public sealed class JpegDecoder : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly TurboJpegHandle _handle;

    /// <summary>Creates a decompressor.</summary>
    /// <exception cref="IOException">libturbojpeg.so.0 could not create one.</exception>
    public JpegDecoder()
    {
        _handle = TurboJpegNative.tjInitDecompress();
        if (_handle.IsInvalid)
        {
            _handle.Dispose();
            throw new IOException($"{TurboJpegNative.Library}: tjInitDecompress failed");
        }
    }

    /// <summary>
    /// Decodes a JPEG image into <paramref name="format"/> (RGB24, BGR24 or Grey8). A damaged, truncated or
    /// non-JPEG input is an expected outcome: false with the problem in words.
    /// </summary>
    /// <exception cref="ArgumentException">The format is not RGB24, BGR24 or Grey8.</exception>
    public bool TryDecode(
        ReadOnlySpan<byte> jpeg,
        ImagePixelFormat format,
        [NotNullWhen(true)] out ImageBuffer? image,
        [NotNullWhen(false)] out string? problem)
    {
        var pixelFormat = ToTurboJpeg(format);
        image = null;
        problem = CheckSignature(jpeg);
        if (problem is not null)
        {
            return false;
        }

        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        unsafe
        {
            fixed (byte* source = jpeg)
            {
                if (TurboJpegNative.tjDecompressHeader3(_handle, source, (nuint)jpeg.Length, out var width, out var height, out _, out _) != 0)
                {
                    problem = $"corrupt JPEG header ({TurboJpegNative.LastError(_handle)})";
                    return false;
                }

                var sizeProblem = format.CheckDimensions(width, height);
                if (sizeProblem is not null)
                {
                    problem = $"corrupt or unsupported JPEG header: {sizeProblem}";
                    return false;
                }

                var decoded = ImageBuffer.Rent(width, height, format);
                fixed (byte* destination = decoded.Pixels)
                {
                    var result = TurboJpegNative.tjDecompress2(
                        _handle, source, (nuint)jpeg.Length, destination, width, decoded.Stride, height, pixelFormat,
                        TurboJpegNative.FlagAccurateDct | TurboJpegNative.FlagStopOnWarning);
                    if (result != 0)
                    {
                        problem = $"corrupt or truncated JPEG data ({TurboJpegNative.LastError(_handle)})";
                        decoded.Dispose();
                        return false;
                    }
                }

                image = decoded;
                return true;
            }
        }
    }

    /// <summary>Reads and decodes a JPEG file; the file bytes are cleared from memory afterwards.</summary>
    /// <exception cref="InvalidDataException">The file is not a decodable JPEG; the message names the file and the problem.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public ImageBuffer DecodeFile(string path, ImagePixelFormat format)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        var length = stream.Length;
        if (length > int.MaxValue / 2)
        {
            throw new InvalidDataException($"{path}: file of {length} bytes is too large for a JPEG photo");
        }

        var bytes = ArrayPool<byte>.Shared.Rent((int)length);
        try
        {
            stream.ReadExactly(bytes, 0, (int)length);
            if (!TryDecode(bytes.AsSpan(0, (int)length), format, out var image, out var problem))
            {
                throw new InvalidDataException($"{path}: {problem}");
            }

            return image;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes, clearArray: true);
        }
    }

    /// <summary>Destroys the decompressor.</summary>
    public void Dispose() => _handle.Dispose();

    internal static int ToTurboJpeg(ImagePixelFormat format) => format switch
    {
        ImagePixelFormat.Rgb24 => TurboJpegNative.PixelFormatRgb,
        ImagePixelFormat.Bgr24 => TurboJpegNative.PixelFormatBgr,
        ImagePixelFormat.Grey8 => TurboJpegNative.PixelFormatGray,
        _ => throw new ArgumentException($"JPEG images are decoded to RGB24, BGR24 or Grey8, not {format}", nameof(format)),
    };

    private static string? CheckSignature(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return "empty input, not a JPEG";
        }

        if (data.StartsWith(PngSignature))
        {
            return "this is a PNG image, not a JPEG";
        }

        if (data.Length < 4 || data[0] != 0xFF || data[1] != 0xD8 || data[2] != 0xFF)
        {
            return "not a JPEG (no start-of-image marker)";
        }

        return null;
    }
}
