using GateController.Vision.Interop;

namespace GateController.Vision.Imaging;

/// <summary>
/// Encodes images as JPEG with libturbojpeg: test inputs and the JPEG-quality augmentation of the accuracy
/// measurement. Never used to store a face (P5). One instance per thread.
/// </summary>
internal sealed class JpegEncoder : IDisposable
{
    private readonly TurboJpegHandle _handle;

    public JpegEncoder()
    {
        _handle = TurboJpegNative.tjInitCompress();
        if (_handle.IsInvalid)
        {
            _handle.Dispose();
            throw new IOException($"{TurboJpegNative.Library}: tjInitCompress failed");
        }
    }

    /// <summary>Encodes an RGB24, BGR24 or Grey8 image at a quality of 1–100 (colour images 4:2:0).</summary>
    public byte[] Encode(ImageBuffer image, int quality)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        var pixelFormat = JpegDecoder.ToTurboJpeg(image.Format);
        var subsampling = image.Format == ImagePixelFormat.Grey8 ? TurboJpegNative.SubsamplingGray : TurboJpegNative.Subsampling420;
        var capacity = TurboJpegNative.tjBufSize(image.Width, image.Height, subsampling);
        var output = new byte[checked((int)capacity)];
        unsafe
        {
            fixed (byte* source = image.Pixels)
            fixed (byte* destination = output)
            {
                var jpegBuffer = destination;
                nuint jpegSize = capacity;
                if (TurboJpegNative.tjCompress2(
                    _handle, source, image.Width, image.Stride, image.Height, pixelFormat, &jpegBuffer, &jpegSize,
                    subsampling, quality, TurboJpegNative.FlagNoRealloc | TurboJpegNative.FlagAccurateDct) != 0)
                {
                    throw new IOException($"{TurboJpegNative.Library}: tjCompress2 failed ({TurboJpegNative.LastError(_handle)})");
                }

                return output.AsSpan(0, checked((int)jpegSize)).ToArray();
            }
        }
    }

    public void Dispose() => _handle.Dispose();
}
