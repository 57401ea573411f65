using System.Buffers;
using GateController.Vision.Imaging;

namespace GateController.Vision.Camera;

/// <summary>
/// A camera that plays a folder of JPEG files at a fixed frame rate (the demo and the tests). Files that are not
/// decodable JPEGs are skipped and counted in health with the reason; a missing folder is a fault naming it.
/// </summary>
public sealed class ReplayCameraSource : CameraSource
{
    private readonly ReplayCameraOptions _replay;
    private readonly JpegDecoder _decoder = new();

    /// <summary>Creates the source; nothing is read before <see cref="CameraSource.RunAsync"/>.</summary>
    /// <exception cref="ArgumentException">The options are not valid; the message lists every problem.</exception>
    public ReplayCameraSource(ReplayCameraOptions replay, CameraSourceOptions options, TimeProvider timeProvider)
        : base(RequireValid(replay).FolderPath, options, timeProvider)
    {
        _replay = replay;
    }

    /// <inheritdoc />
    protected override async Task StreamAsync(CancellationToken cancellationToken)
    {
        var files = ListFiles();
        var period = TimeSpan.FromSeconds(1 / _replay.FramesPerSecond);
        using var timer = new PeriodicTimer(period, TimeProvider);
        ReportStreaming();
        var first = true;
        do
        {
            foreach (var file in files)
            {
                if (!first && !await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                first = false;
                cancellationToken.ThrowIfCancellationRequested();
                PlayFile(file);
            }
        }
        while (_replay.Loop);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _decoder.Dispose();
        }

        base.Dispose(disposing);
    }

    private static ReplayCameraOptions RequireValid(ReplayCameraOptions replay)
    {
        ArgumentNullException.ThrowIfNull(replay);
        var problems = replay.Validate();
        return problems.Count == 0 ? replay : throw new ArgumentException(string.Join("; ", problems), nameof(replay));
    }

    private string[] ListFiles()
    {
        var folder = _replay.FolderPath;
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"replay folder '{folder}' does not exist");
        }

        string[] files = _replay.Script.Count > 0
            ? [.. _replay.Script.Select(name => Path.Combine(folder, name))]
            : [.. Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal)];
        return files.Length > 0 ? files : throw new IOException($"replay folder '{folder}' holds no files");
    }

    private void PlayFile(string path)
    {
        var name = Path.GetFileName(path);
        byte[]? bytes = null;
        var length = 0;
        try
        {
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1))
            {
                if (stream.Length > int.MaxValue / 2)
                {
                    RejectFrame(CameraFrameRejection.NotAnImage, $"{name}: file of {stream.Length} bytes is too large");
                    return;
                }

                length = (int)stream.Length;
                bytes = ArrayPool<byte>.Shared.Rent(Math.Max(1, length));
                stream.ReadExactly(bytes, 0, length);
            }

            var captured = TimeProvider.GetUtcNow();
            if (_decoder.TryDecode(bytes.AsSpan(0, length), _replay.OutputFormat, out var image, out var problem))
            {
                PublishFrame(image, captured);
            }
            else
            {
                var reason = IsJpegStart(bytes.AsSpan(0, length)) ? CameraFrameRejection.CorruptImage : CameraFrameRejection.NotAnImage;
                RejectFrame(reason, $"{name}: {problem}");
            }
        }
        catch (FileNotFoundException)
        {
            RejectFrame(CameraFrameRejection.NotAnImage, $"{name}: file not found");
        }
        catch (UnauthorizedAccessException)
        {
            RejectFrame(CameraFrameRejection.NotAnImage, $"{name}: not readable");
        }
        finally
        {
            if (bytes is not null)
            {
                ArrayPool<byte>.Shared.Return(bytes, clearArray: true);
            }
        }
    }

    private static bool IsJpegStart(ReadOnlySpan<byte> data) => data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF;
}
