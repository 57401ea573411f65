using GateController.Vision.Camera;
using GateController.Vision.Imaging;

namespace GateController.Vision.Tests.Camera;

/// <summary>A camera whose sessions the test drives: publish frames, fail, or stall.</summary>
internal sealed class ScriptedCameraSource(CameraSourceOptions options, TimeProvider timeProvider)
    : CameraSource("scripted", options, timeProvider)
{
    private TaskCompletionSource<Exception?> _session = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int _sessions;

    public int Sessions => Volatile.Read(ref _sessions);

    public ImageBuffer Publish(byte value)
    {
        var image = ImageBuffer.Rent(4, 2, ImagePixelFormat.Grey8);
        image.Pixels.Fill(value);
        PublishFrame(image, TimeProvider.GetUtcNow());
        return image;
    }

    public void Reject(CameraFrameRejection reason) => RejectFrame(reason, "test");

    /// <summary>Ends the current session with this fault.</summary>
    public void Fail(Exception exception) => _session.TrySetResult(exception);

    protected override async Task StreamAsync(CancellationToken cancellationToken)
    {
        _session = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        ReportStreaming();
        Interlocked.Increment(ref _sessions);
        var fault = await _session.Task.WaitAsync(cancellationToken);
        if (fault is not null)
        {
            throw fault;
        }
    }
}
