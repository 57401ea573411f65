using System.Threading.Channels;

namespace GateController.Vision.Camera;

/// <summary>
/// A camera: <see cref="RunAsync"/> captures until cancelled (retrying faults with backoff) and delivers
/// frames on <see cref="Frames"/>. Only the newest few frames wait there: a slow consumer loses the oldest
/// ones (counted in <see cref="Health"/>), never a growing queue.
/// </summary>
public interface ICameraSource
{
    /// <summary>The delivered frames; the reader owns each frame it takes and must dispose it.</summary>
    ChannelReader<CameraFrame> Frames { get; }

    /// <summary>A snapshot of the source's state and counters.</summary>
    CameraHealth Health { get; }

    /// <summary>Captures until <paramref name="cancellationToken"/> is cancelled or a finite source ends.</summary>
    Task RunAsync(CancellationToken cancellationToken);
}
