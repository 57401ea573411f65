using GateController.Core.Access;
using GateController.Core.Readers;
using GateController.Service.Boards;
using GateController.Service.Configuration;
using GateController.Service.Face;
using GateController.Service.DoorPath;
using GateController.Service.Health;
using GateController.Service.Simulation;
using GateController.Service.Systemd;
using GateController.Storage;
using Microsoft.Extensions.Hosting;

namespace GateController.Service.Hosting;

/// <summary>
/// Runs the door path: store → GPIO → DoorIo/DoorController → readers → AccessPipeline → decisions. Sends READY=1 once
/// it is live, WATCHDOG=1 only while the decision loop is alive (the unit is restarted when it hangs), and STOPPING=1
/// as the service stops.
/// </summary>
public sealed class DoorPathService : BackgroundService
{
    /// <summary>The time between two keys on the simulated board.</summary>
    public static readonly TimeSpan SimulatedKeyInterval = TimeSpan.FromMilliseconds(60);

    /// <summary>How often the readers' health is checked for the degraded-subsystem registry.</summary>
    public static readonly TimeSpan ReaderCheckInterval = TimeSpan.FromSeconds(1);

    private readonly GateControllerOptions _options;
    private readonly IGateBoard? _board;
    private readonly AccessGate _gate;
    private readonly IAccessDirectory _directory;
    private readonly IGateStore _store;
    private readonly DegradedSubsystems _degraded;
    private readonly ServiceReadiness _readiness;
    private readonly ISystemdNotifier _notifier;
    private readonly WatchdogOptions? _watchdog;
    private readonly ServiceConsole _console;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the service; <paramref name="board"/> is null when the unit drives no door.</summary>
    public DoorPathService(
        GateControllerOptions options, IGateBoard? board, AccessGate gate, IAccessDirectory directory, IGateStore store, DegradedSubsystems degraded, ServiceReadiness readiness,
        ISystemdNotifier notifier, WatchdogOptions? watchdog, ServiceConsole console, IHostApplicationLifetime lifetime, TimeProvider timeProvider)
    {
        _options = options;
        _board = board;
        _gate = gate;
        _directory = directory;
        _store = store;
        _degraded = degraded;
        _readiness = readiness;
        _notifier = notifier;
        _watchdog = watchdog;
        _console = console;
        _lifetime = lifetime;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        using var stopping = _lifetime.ApplicationStopping.Register(() => _notifier.Notify(SystemdNotifyState.Stopping));
        GateDoorPath? doorPath = null;
        SimulatedGateControl? simulation = null;
        try
        {
            if (_options.Door.Enabled && _board is not null)
            {
                try
                {
                    doorPath = new GateDoorPath(_options, _board, _gate, _directory, _store, _degraded, _timeProvider);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
                {
                    _console.Warn($"the door path cannot start: {ex.Message}");
                    _readiness.Fail(GateControllerCommandLine.ExitIoError);
                    _lifetime.StopApplication();
                    return;
                }

                if (_board is SimulatedGateBoard simulated)
                {
                    simulation = new SimulatedGateControl(simulated, doorPath, SimulatedKeyInterval, _timeProvider);
                }
            }

            var running = doorPath?.RunAsync(stoppingToken) ?? Task.CompletedTask;
            _console.Say(doorPath is null
                ? "no door path in this mode (Door:Enabled is false)"
                : $"door path live on the {_board!.Description} board: door {doorPath.DoorId}, readers {string.Join(", ", doorPath.ReaderHealth().Select(r => r.ReaderId))}");
            _readiness.DoorPathStarted(doorPath, simulation);
            var faceJoining = JoinFaceAsync(doorPath, simulation, stoppingToken);
            _notifier.Notify(SystemdNotifyState.Ready);
            var (pinger, beat) = StartWatchdog(doorPath);
            using var readerCheck = doorPath is null ? null : _timeProvider.CreateTimer(_ => CheckReaders(doorPath), null, TimeSpan.Zero, ReaderCheckInterval);
            using (pinger)
            using (beat)
            {
                await running.ConfigureAwait(false);
                await faceJoining.ConfigureAwait(false);
                if (doorPath is null)
                {
                    await Task.Delay(Timeout.InfiniteTimeSpan, _timeProvider, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            simulation?.Dispose();
            doorPath?.Dispose();
        }
    }

    private async Task JoinFaceAsync(GateDoorPath? doorPath, SimulatedGateControl? simulation, CancellationToken stoppingToken)
    {
        try
        {
            var face = await _readiness.Face.WaitAsync(stoppingToken).ConfigureAwait(false);
            var settings = _options.Camera.Reader;
            if (doorPath is null || _board is null || face is not { IsAvailable: true } || !_options.Camera.Enabled || settings.Mode == FaceGateMode.Off)
            {
                return;
            }

            FaceGateReader reader;
            try
            {
                reader = new FaceGateReader(settings, _board.CreateCamera(_options.Camera, _timeProvider), face, _timeProvider);
                doorPath.AttachFace(reader, face);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or NotSupportedException)
            {
                _degraded.MarkDegraded("camera", $"the face reader cannot start: {ex.Message}");
                _console.Warn($"running without the face reader: {ex.Message}; card and PIN work as always");
                return;
            }

            if (simulation is not null && _board is SimulatedGateBoard { Camera: { } camera })
            {
                simulation.FaceScene = (photo, _) =>
                {
                    camera.ShowPhoto(photo);
                    if (photo is not null)
                    {
                        reader.Trigger();
                    }

                    return Task.CompletedTask;
                };
            }

            _console.Say($"face reader {reader.ReaderId} joined the door path ({reader.Mode})");
        }
        catch (OperationCanceledException)
        {
            // Stopping, or face loading never ended.
        }
        finally
        {
            _readiness.FaceReaderSettled();
        }
    }

    private void CheckReaders(GateDoorPath doorPath)
    {
        try
        {
            if (doorPath.FaceReader is { } face)
            {
                if (!face.Stats.CameraHealthy)
                {
                    _degraded.MarkDegraded("camera", face.Health.LastError ?? "the camera delivers no frames");
                }
                else if (_degraded.IsDegraded("camera"))
                {
                    _degraded.MarkHealthy("camera");
                }
            }

            foreach (var reader in doorPath.ReaderHealth())
            {
                var name = "reader:" + reader.ReaderId;
                if (reader.State is ReaderState.Faulted or ReaderState.Flooding)
                {
                    _degraded.MarkDegraded(name, reader.LastError ?? reader.State.ToString().ToLowerInvariant());
                }
                else if (reader.State == ReaderState.Ok && _degraded.IsDegraded(name))
                {
                    _degraded.MarkHealthy(name);
                }
            }
        }
        catch (ObjectDisposedException)
        {
            // Stopping.
        }
    }

    private (WatchdogPinger? Pinger, ITimer? Beat) StartWatchdog(GateDoorPath? doorPath)
    {
        if (_watchdog is null)
        {
            return (null, null);
        }

        var pinger = new WatchdogPinger(_notifier, _watchdog, _timeProvider);
        var stuckLimit = _watchdog.Interval;
        var beat = _timeProvider.CreateTimer(
            _ =>
            {
                if (doorPath is null || doorPath.IsDecisionLoopAlive(stuckLimit))
                {
                    pinger.Heartbeat();
                }
            },
            null,
            TimeSpan.Zero,
            _watchdog.PingInterval / 2);
        pinger.Start();
        return (pinger, beat);
    }
}
