using System.Buffers;
using System.ComponentModel;
using System.Diagnostics;

namespace GateController.Vision.Camera.Rpicam;

/// <summary>
/// A Raspberry Pi camera module through <c>rpicam-vid</c> run as a child process that writes raw I420 frames to its
/// standard output. Each frame of exactly width × height × 3/2 bytes becomes a pooled image; a cut-off last frame
/// is counted as short. When the child exits or cannot start, the fault names the command and exit code and the
/// child is started again with backoff; on stop it is killed.
/// </summary>
public sealed class RpicamVidCameraSource : CameraSource
{
    private const int StandardErrorLinesKept = 4;

    private readonly RpicamVidCameraOptions _camera;

    /// <summary>Creates the source; the child is started by <see cref="CameraSource.RunAsync"/>.</summary>
    /// <exception cref="ArgumentException">The options are not valid; the message lists every problem.</exception>
    public RpicamVidCameraSource(RpicamVidCameraOptions camera, CameraSourceOptions options, TimeProvider timeProvider)
        : base(RequireValid(camera).CommandPath, options, timeProvider)
    {
        _camera = camera;
    }

    /// <inheritdoc />
    protected override async Task StreamAsync(CancellationToken cancellationToken)
    {
        var command = _camera.CommandPath;
        var start = new ProcessStartInfo(command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (var argument in _camera.Arguments())
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        var errors = new Queue<string>();
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { Length: > 0 } text)
            {
                lock (errors)
                {
                    errors.Enqueue(text);
                    if (errors.Count > StandardErrorLinesKept)
                    {
                        errors.Dequeue();
                    }
                }
            }
        };

        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new IOException($"{command}: could not start: {exception.Message} (errno {exception.NativeErrorCode})", exception);
        }

        process.BeginErrorReadLine();
        var frameBytes = I420Conversion.FrameBytes(_camera.Width, _camera.Height);
        var buffer = ArrayPool<byte>.Shared.Rent(frameBytes);
        var frames = 0L;
        try
        {
            ReportStreaming();
            var output = process.StandardOutput.BaseStream;
            while (true)
            {
                var read = await output.ReadAtLeastAsync(buffer.AsMemory(0, frameBytes), frameBytes, throwOnEndOfStream: false, cancellationToken)
                    .ConfigureAwait(false);
                if (read < frameBytes)
                {
                    if (read > 0)
                    {
                        RejectFrame(CameraFrameRejection.ShortFrame, $"last frame of {read} bytes, {_camera.Width}x{_camera.Height} I420 needs {frameBytes}");
                    }

                    break;
                }

                var captured = TimeProvider.GetUtcNow();
                PublishFrame(I420Conversion.Convert(buffer.AsSpan(0, frameBytes), _camera.Width, _camera.Height, _camera.OutputFormat), captured);
                frames++;
            }

            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            string lastErrors;
            lock (errors)
            {
                lastErrors = errors.Count == 0 ? string.Empty : $": {string.Join(" | ", errors)}";
            }

            throw new IOException($"{command}: exited with code {process.ExitCode} after {frames} frames{lastErrors}");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
            if (!process.HasExited)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // It exited between the check and the kill.
                }

                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private static RpicamVidCameraOptions RequireValid(RpicamVidCameraOptions camera)
    {
        ArgumentNullException.ThrowIfNull(camera);
        var problems = camera.Validate();
        return problems.Count == 0 ? camera : throw new ArgumentException(string.Join("; ", problems), nameof(camera));
    }
}
