using System.Numerics;
using BenchmarkDotNet.Attributes;
using GateController.Vision.Face;
using GateController.Vision.Imaging;

namespace GateController.Benchmarks.Vision;

/// <summary>JPEG decode of a 640×480 frame, conversion, resize to the detector's input and face alignment.</summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
[MemoryDiagnoser]
public class ImagingBenchmarks
{
    private readonly JpegDecoder _decoder = new();
    private byte[] _jpeg = [];
    private ImageBuffer? _frame;
    private ImageBuffer? _yuyv;
    private FivePointLandmarks _landmarks;

    [GlobalSetup]
    public void Setup()
    {
        _frame = ImageBuffer.Rent(640, 480, ImagePixelFormat.Rgb24);
        var random = new Random(3);
        var pixels = _frame.Pixels;
        for (var y = 0; y < 480; y++)
        {
            for (var x = 0; x < 640; x++)
            {
                var o = (y * 1920) + (x * 3);
                var noise = random.Next(0, 24);
                pixels[o] = (byte)(((x * 200) / 640) + noise);
                pixels[o + 1] = (byte)(((y * 200) / 480) + noise);
                pixels[o + 2] = (byte)((((x + y) * 100) / 1120) + 60 + noise);
            }
        }

        using (var encoder = new JpegEncoder())
        {
            _jpeg = encoder.Encode(_frame, 90);
        }

        _yuyv = ImageConverter.Convert(_frame, ImagePixelFormat.Yuyv);
        var toFrame = AffineTransform.CreateSimilarity(1.6, 0.2, Vector2.Zero).Then(AffineTransform.CreateTranslation(240, 120));
        _landmarks = ArcFaceAlignment.Reference.Transform(toFrame);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _frame?.Dispose();
        _yuyv?.Dispose();
        _decoder.Dispose();
    }

    [Benchmark]
    public int DecodeJpeg640x480()
    {
        if (!_decoder.TryDecode(_jpeg, ImagePixelFormat.Rgb24, out var image, out _))
        {
            throw new InvalidOperationException("decode failed");
        }

        using (image)
        {
            return image.Width;
        }
    }

    [Benchmark]
    public int ConvertYuyvToRgb640x480()
    {
        using var rgb = ImageConverter.Convert(_yuyv!, ImagePixelFormat.Rgb24);
        return rgb.Width;
    }

    [Benchmark]
    public int ResizeRgb640x480To320x240()
    {
        using var resized = ImageResizer.Resize(_frame!, 320, 240);
        return resized.Width;
    }

    [Benchmark]
    public int AlignFace112()
    {
        using var aligned = ArcFaceAlignment.Align(_frame!, _landmarks);
        return aligned.Width;
    }
}
