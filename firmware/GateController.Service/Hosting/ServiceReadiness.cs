using GateController.Service.DoorPath;
using GateController.Service.Face;
using GateController.Service.Simulation;

namespace GateController.Service.Hosting;

/// <summary>
/// The start-up order between the hosted services: the door path goes live first (READY=1), then the face models load,
/// then the admin API serves. Also records a failure that should end the process with a given exit status.
/// </summary>
public sealed class ServiceReadiness
{
    private readonly TaskCompletionSource<GateDoorPath?> _doorPath = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<FaceRecognition?> _face = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _faceReader = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _exitCode;

    /// <summary>The live door path (null when the unit drives no door); cancelled if it could not start.</summary>
    public Task<GateDoorPath?> DoorPath => _doorPath.Task;

    /// <summary>The face component once loading ended (available or not).</summary>
    public Task<FaceRecognition?> Face => _face.Task;

    /// <summary>Completes once the face reader joined the door path, or it was settled that none joins.</summary>
    public Task FaceReader => _faceReader.Task;

    /// <summary>The hands on the simulated board, when the service runs on one.</summary>
    public ISimulationControl? Simulation { get; private set; }

    /// <summary>The exit status a failed service asked for; 0 when none failed.</summary>
    public int ExitCode => Volatile.Read(ref _exitCode);

    /// <summary>The door path is live.</summary>
    public void DoorPathStarted(GateDoorPath? doorPath, ISimulationControl? simulation)
    {
        Simulation = simulation;
        _doorPath.TrySetResult(doorPath);
    }

    /// <summary>The face component finished loading.</summary>
    public void FaceLoaded(FaceRecognition? face) => _face.TrySetResult(face);

    /// <summary>The face reader joined the door path, or none will.</summary>
    public void FaceReaderSettled() => _faceReader.TrySetResult();

    /// <summary>A service failed; the process ends with <paramref name="exitCode"/> (the first failure wins).</summary>
    public void Fail(int exitCode)
    {
        Interlocked.CompareExchange(ref _exitCode, exitCode, 0);
        _doorPath.TrySetCanceled();
        _face.TrySetCanceled();
        _faceReader.TrySetCanceled();
    }
}
