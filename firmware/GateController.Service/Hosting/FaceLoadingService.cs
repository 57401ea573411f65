using GateController.Service.Configuration;
using GateController.Service.Face;
using GateController.Service.Health;
using GateController.Storage;
using Microsoft.Extensions.Hosting;

namespace GateController.Service.Hosting;

/// <summary>
/// Loads the face models and templates once the door path is live: a failure marks "face" degraded and never stops the
/// service (card and PIN do not depend on face, P1).
/// </summary>
public sealed class FaceLoadingService : BackgroundService
{
    private readonly GateControllerOptions _options;
    private readonly IGateStore _store;
    private readonly DegradedSubsystems _degraded;
    private readonly ServiceReadiness _readiness;
    private readonly ServiceConsole _console;
    private FaceRecognition? _face;

    /// <summary>Creates the service.</summary>
    public FaceLoadingService(GateControllerOptions options, IGateStore store, DegradedSubsystems degraded, ServiceReadiness readiness, ServiceConsole console)
    {
        _options = options;
        _store = store;
        _degraded = degraded;
        _readiness = readiness;
        _console = console;
    }

    /// <inheritdoc/>
    public override void Dispose()
    {
        _face?.Dispose();
        base.Dispose();
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _readiness.DoorPath.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        FaceRecognition face;
        try
        {
            face = await Task.Run(() => FaceRecognition.Open(_options.Face, _store, stoppingToken), stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        _face = face;
        if (face.IsAvailable)
        {
            _degraded.MarkHealthy("face");
            _console.Say($"face recognition ready ({face.TemplateCount} templates of consenting residents)");
            if (face.DamagedTemplateCount > 0)
            {
                _console.Warn($"{face.DamagedTemplateCount} stored face templates are damaged or fail authentication and were skipped; those residents need enrolling again");
            }
        }
        else if (!_options.Face.Enabled)
        {
            _console.Say("face recognition is off (Face:Enabled is false); card and PIN work as always");
        }
        else
        {
            _degraded.MarkDegraded("face", face.UnavailableReason ?? "the face models did not load");
            _console.Warn($"running without face recognition: {face.UnavailableReason}; card and PIN work as always");
        }

        _readiness.FaceLoaded(face);
    }
}
