using System.Threading.Channels;
using GateController.Vision.Camera;

namespace GateController.Service.Tests.Face;

/// <summary>A camera the test feeds frame by frame, with a health the test sets.</summary>
internal sealed class TestCameraSource : ICameraSource
{
    private readonly Channel<CameraFrame> _frames = Channel.CreateUnbounded<CameraFrame>();
    private int _runs;

    public ChannelReader<CameraFrame> Frames => _frames.Reader;

    public CameraHealth Health { get; set; } = new() { SourceName = "test camera", State = CameraState.Streaming };

    /// <summary>How many times <see cref="RunAsync"/> was called.</summary>
    public int Runs => Volatile.Read(ref _runs);

    public void Publish(CameraFrame frame) => Assert.True(_frames.Writer.TryWrite(frame));

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runs);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        finally
        {
            _frames.Writer.TryComplete();
        }
    }
}
