using GateController.Vision.Imaging;

namespace GateController.Vision.Camera;

/// <summary>
/// One captured frame: a pooled image, when it was captured and its sequence number (gaps show dropped frames).
/// The consumer owns it and must dispose it, which clears the pixels and returns the buffer (privacy rule P5).
/// </summary>
public sealed class CameraFrame : IDisposable
{
    /// <summary>Wraps a captured image; the frame takes ownership of it.</summary>
    public CameraFrame(ImageBuffer image, DateTimeOffset captureTimestamp, long sequenceNumber)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfNegative(sequenceNumber);
        Image = image;
        CaptureTimestamp = captureTimestamp;
        SequenceNumber = sequenceNumber;
    }

    /// <summary>The pixels, valid until the frame is disposed.</summary>
    public ImageBuffer Image { get; }

    /// <summary>When the frame was captured (the source's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset CaptureTimestamp { get; }

    /// <summary>Increases by one per captured frame of the source; a gap means frames were dropped.</summary>
    public long SequenceNumber { get; }

    /// <summary>Clears the pixels and returns the buffer to the pool.</summary>
    public void Dispose() => Image.Dispose();
}
