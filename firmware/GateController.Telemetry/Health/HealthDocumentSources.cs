using GateController.Core.Readers;

namespace GateController.Telemetry.Health;

/// <summary>
/// Where <see cref="HealthDocumentBuilder"/> gets the figures the probe cannot read itself. Each source is optional;
/// an absent source leaves its part of the document empty.
/// </summary>
public sealed record HealthDocumentSources
{
    /// <summary>Store counts (residents, cards, face templates, active consents).</summary>
    public Func<HealthStoreCounts>? StoreCounts { get; init; }

    /// <summary>Each reader's health.</summary>
    public Func<IReadOnlyList<ReaderHealth>>? Readers { get; init; }

    /// <summary>Lock, door, fire and tamper state.</summary>
    public Func<HealthDoorState>? Door { get; init; }

    /// <summary>Camera and face pipeline figures; null when face recognition is off.</summary>
    public Func<FacePipelineStats?>? Face { get; init; }

    /// <summary>Subsystems running degraded, with their last error.</summary>
    public Func<IReadOnlyList<HealthSubsystem>>? Degraded { get; init; }
}
