using GateController.Telemetry.Events;
using GateController.Telemetry.Health;

namespace GateController.Cli.Diag;

/// <summary>What <c>gatectl diag</c> knows of one unit: its status, its latest health and its latest event.</summary>
internal sealed class DiagUnitView(string unitId)
{
    /// <summary>The unit id.</summary>
    public string UnitId { get; } = unitId;

    /// <summary>online, offline or stopped; null until the status arrives.</summary>
    public string? Status { get; set; }

    /// <summary>The latest health document.</summary>
    public HealthDocument? Health { get; set; }

    /// <summary>When the latest health document arrived here.</summary>
    public DateTimeOffset? HealthReceivedAt { get; set; }

    /// <summary>The latest event.</summary>
    public EventDocument? LastEvent { get; set; }

    /// <summary>Events received from this unit.</summary>
    public long Events { get; set; }

    /// <summary>Alarms received from this unit.</summary>
    public long Alarms { get; set; }
}
