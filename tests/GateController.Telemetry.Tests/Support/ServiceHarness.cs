using System.Collections.Concurrent;
using GateController.Telemetry.Commands;
using GateController.Telemetry.Health;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Telemetry.Tests.Support;

/// <summary>A <see cref="TelemetryService"/> on a unique unit id, watched by a peer subscribed to all its topics.</summary>
public sealed class ServiceHarness : IAsyncDisposable
{
    private bool _stopped;

    private ServiceHarness(TelemetryService service, MessageCollector peer, TelemetryOptions options, FakeTimeProvider time)
    {
        Service = service;
        Peer = peer;
        Options = options;
        Time = time;
    }

    public TelemetryService Service { get; }

    public MessageCollector Peer { get; }

    public TelemetryOptions Options { get; }

    public FakeTimeProvider Time { get; }

    public TelemetryTopics Topics => Service.Topics;

    public ConcurrentQueue<CommandAuditRecord> Audit { get; } = new();

    public HealthDocument Health { get; set; } = new()
    {
        Store = new HealthStoreCounts { Residents = 3, Cards = 4, FaceTemplates = 2, ActiveConsents = 2 },
        Door = new HealthDoorState { Locked = true, Open = false },
        ModelIds = ["face-detector-v1"],
    };

    /// <summary>When set, the next health request throws this (once) and completes <see cref="HealthFaultRaised"/>.</summary>
    public Exception? HealthFault { get; set; }

    public TaskCompletionSource HealthFaultRaised { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<ServiceHarness> StartAsync(int brokerPort, Action<TelemetryOptions>? configure = null, TelemetryCommandHandlers? handlers = null, int? peerPort = null, bool waitForOnline = true)
    {
        var options = new TelemetryOptions
        {
            UnitId = "unit-" + Guid.NewGuid().ToString("N")[..10],
            BrokerHost = "127.0.0.1",
            BrokerPort = brokerPort,
            FirmwareVersion = "1.2.3",

            // The fake clock does not move by itself: a batch interval would hold every pass after the first.
            EventBatchInterval = TimeSpan.Zero,
        };
        CommandFactory.AddTechnicians(options);
        configure?.Invoke(options);
        var peer = await MessageCollector.StartAsync(peerPort ?? brokerPort, $"gatecontroller/{options.UnitId}/#", "homeassistant/+/gatecontroller-" + options.UnitId + "/+/config");
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        ServiceHarness? harness = null;
        var service = new TelemetryService(options, () => harness!.CurrentHealth(), handlers ?? new TelemetryCommandHandlers(), record => harness!.Audit.Enqueue(record), time);
        harness = new ServiceHarness(service, peer, options, time);
        await service.StartAsync(CancellationToken.None);
        if (waitForOnline)
        {
            await peer.WaitForTopicAsync(service.Topics.Status, p => p == TelemetryStatus.Online);
        }

        return harness;
    }

    private HealthDocument CurrentHealth()
    {
        if (HealthFault is { } fault)
        {
            HealthFault = null;
            HealthFaultRaised.TrySetResult();
            throw fault;
        }

        return Health;
    }

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await Service.StopAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Service.Dispose();
        Peer.Dispose();
    }
}
