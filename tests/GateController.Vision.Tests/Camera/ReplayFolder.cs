using GateController.Vision.Imaging;
using GateController.Vision.Tests.Imaging;

namespace GateController.Vision.Tests.Camera;

/// <summary>A temporary folder of small JPEG files (and whatever else a test puts in it).</summary>
internal sealed class ReplayFolder : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("replay");

    public string Path => _directory.FullName;

    /// <summary>Writes a JPEG of the given size whose pixels are a gradient plus <paramref name="brightness"/>.</summary>
    public byte[] AddJpeg(string name, int width = 32, int height = 24)
    {
        using var image = TestImages.Gradient(width, height);
        using var encoder = new JpegEncoder();
        var bytes = encoder.Encode(image, quality: 90);
        File.WriteAllBytes(System.IO.Path.Combine(Path, name), bytes);
        return bytes;
    }

    public void AddFile(string name, byte[] bytes) => File.WriteAllBytes(System.IO.Path.Combine(Path, name), bytes);

    public void Dispose() => _directory.Delete(recursive: true);
}
