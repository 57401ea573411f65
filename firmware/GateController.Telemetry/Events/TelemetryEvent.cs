using GateController.Core.Credentials;
using GateController.Core.Residents;

namespace GateController.Telemetry.Events;

/// <summary>
/// An access decision or alarm to publish. It can hold a pseudonymous <see cref="ResidentId"/> at most
/// (published only when configured); names, card identifiers, PINs, images and embeddings have no place here.
/// </summary>
public sealed record TelemetryEvent
{
    /// <summary>Creates an event.</summary>
    /// <param name="kind">What happened.</param>
    /// <param name="occurredAt">When.</param>
    /// <param name="doorId">The configured door name.</param>
    /// <param name="reason">A short reason code such as <c>unknown-credential</c>: lower-case letters, digits and '-', at most 64.</param>
    public TelemetryEvent(TelemetryEventKind kind, DateTimeOffset occurredAt, string doorId, string? reason = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(doorId);
        if (reason is not null && !IsReasonCode(reason))
        {
            throw new ArgumentException($"reason must be a code of 1–64 lower-case letters, digits and '-'", nameof(reason));
        }

        Kind = kind;
        OccurredAt = occurredAt;
        DoorId = doorId;
        Reason = reason;
    }

    /// <summary>What happened.</summary>
    public TelemetryEventKind Kind { get; }

    /// <summary>When it happened.</summary>
    public DateTimeOffset OccurredAt { get; }

    /// <summary>The door.</summary>
    public string DoorId { get; }

    /// <summary>The reason code, if any.</summary>
    public string? Reason { get; }

    /// <summary>How the person presented themselves, if it was an access attempt.</summary>
    public CredentialKind? Method { get; init; }

    /// <summary>The resident's pseudonymous id, published only with <see cref="TelemetryOptions.PublishResidentIds"/>.</summary>
    public ResidentId? ResidentId { get; init; }

    /// <summary>Whether this is an alarm (never dropped while non-alarm events can be).</summary>
    public bool IsAlarm => (int)Kind >= 100;

    /// <summary>Whether <paramref name="reason"/> is an acceptable reason code.</summary>
    public static bool IsReasonCode(string reason) =>
        reason.Length is > 0 and <= 64 && reason.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
