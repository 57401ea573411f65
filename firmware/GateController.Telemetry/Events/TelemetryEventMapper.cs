using System.Diagnostics.CodeAnalysis;
using GateController.Core.Access;
using GateController.Core.Credentials;
using GateController.Core.Door;
using GateController.Core.Events;

namespace GateController.Telemetry.Events;

/// <summary>
/// Pure mapping from Core access and door events to <see cref="TelemetryEvent"/> with short reason codes.
/// Only the door id, the time, the credential kind and the pseudonymous resident id pass through; the resident id
/// is dropped on the wire by <see cref="EventDocument"/> unless configured.
/// </summary>
public static class TelemetryEventMapper
{
    /// <summary>Maps any Core access event; throws <see cref="ArgumentException"/> for a kind this mapper does not know.</summary>
    public static TelemetryEvent Map(AccessEvent accessEvent) => accessEvent switch
    {
        AccessDecided decided => Map(decided),
        KeypadLockedOut lockedOut => Map(lockedOut),
        DuressAlarmRaised duress => Map(duress),
        FaceConsentWithdrawnAtGate withdrawn => Map(withdrawn),
        null => throw new ArgumentNullException(nameof(accessEvent)),
        _ => throw new ArgumentException($"unknown access event {accessEvent.GetType().Name}", nameof(accessEvent)),
    };

    /// <summary>An access decision: granted, or denied with the reason code.</summary>
    public static TelemetryEvent Map(AccessDecided decided)
    {
        ArgumentNullException.ThrowIfNull(decided);
        var kind = decided.Reason == AccessReason.Granted ? TelemetryEventKind.AccessGranted : TelemetryEventKind.AccessDenied;
        return new TelemetryEvent(kind, decided.OccurredAt, DoorText(decided.DoorId), ReasonCode(decided.Reason))
        {
            Method = CredentialKindOf(decided.Method),
            ResidentId = decided.Reason == AccessReason.FaceNotConsented ? null : decided.ResidentId,
        };
    }

    /// <summary>A keypad lockout alarm (<c>keypad-locked-out</c>); the keypad name and attempt count are not published.</summary>
    public static TelemetryEvent Map(KeypadLockedOut lockedOut)
    {
        ArgumentNullException.ThrowIfNull(lockedOut);
        return new TelemetryEvent(TelemetryEventKind.Lockout, lockedOut.OccurredAt, DoorText(lockedOut.DoorId), "keypad-locked-out")
        {
            Method = CredentialKind.Pin,
        };
    }

    /// <summary>A duress alarm (<c>duress-pin</c>), with the resident id passed through.</summary>
    public static TelemetryEvent Map(DuressAlarmRaised duress)
    {
        ArgumentNullException.ThrowIfNull(duress);
        return new TelemetryEvent(TelemetryEventKind.Duress, duress.OccurredAt, DoorText(duress.DoorId), "duress-pin")
        {
            Method = CredentialKind.Pin,
            ResidentId = duress.ResidentId,
        };
    }

    /// <summary>
    /// A face consent withdrawn at the gate (<c>face-consent-withdrawn-at-gate</c>). The resident id passes through and,
    /// like every event's, reaches the wire only with <see cref="TelemetryOptions.PublishResidentIds"/>.
    /// </summary>
    public static TelemetryEvent Map(FaceConsentWithdrawnAtGate withdrawn)
    {
        ArgumentNullException.ThrowIfNull(withdrawn);
        return new TelemetryEvent(TelemetryEventKind.FaceConsentWithdrawn, withdrawn.OccurredAt, DoorText(withdrawn.DoorId), "face-consent-withdrawn-at-gate")
        {
            ResidentId = withdrawn.ResidentId,
        };
    }

    /// <summary>
    /// Maps a door event at <paramref name="doorId"/>. Alarms (held open, forced, tamper, fire) and releases that are
    /// not an access grant (exit button, manual release) are published; the rest (opened, closed, relocked, unlocked
    /// after a grant, which its access decision already reports) gives false.
    /// </summary>
    public static bool TryMap(DoorEvent doorEvent, DoorId doorId, [NotNullWhen(true)] out TelemetryEvent? telemetryEvent)
    {
        var door = DoorText(doorId);
        (TelemetryEventKind Kind, string Reason)? mapped = doorEvent.Kind switch
        {
            DoorEventKind.HeldOpen => (TelemetryEventKind.DoorHeldOpen, "held-open"),
            DoorEventKind.Forced => (TelemetryEventKind.DoorForced, "forced-open"),
            DoorEventKind.Tamper => (TelemetryEventKind.Tamper, "tamper"),
            DoorEventKind.TamperCleared => (TelemetryEventKind.Tamper, "tamper-cleared"),
            DoorEventKind.FireReleaseStarted => (TelemetryEventKind.FireAlarm, "fire-release-started"),
            DoorEventKind.FireReleaseEnded => (TelemetryEventKind.FireAlarm, "fire-release-ended"),
            DoorEventKind.ManualRelease => (TelemetryEventKind.DoorReleased, "manual-release"),
            DoorEventKind.Unlocked when doorEvent.Cause == DoorEventCause.ExitButton => (TelemetryEventKind.DoorReleased, "exit-button"),
            _ => null,
        };

        telemetryEvent = mapped is { } m ? new TelemetryEvent(m.Kind, doorEvent.OccurredAt, door, m.Reason) : null;
        return telemetryEvent is not null;
    }

    /// <summary>The reason code of an access decision, e.g. <c>unknown-credential</c>.</summary>
    public static string ReasonCode(AccessReason reason) => reason switch
    {
        AccessReason.Granted => "granted",
        AccessReason.UnknownCredential => "unknown-credential",
        AccessReason.NotYetValid => "not-yet-valid",
        AccessReason.Expired => "expired",
        AccessReason.OutsideSchedule => "outside-schedule",
        AccessReason.SecondFactorRequired => "second-factor-required",
        AccessReason.SecondFactorWrong => "second-factor-wrong",
        AccessReason.LockedOut => "locked-out",

        // Never published apart from unknown: a face without consent names nobody.
        AccessReason.FaceNotConsented => "unknown-credential",
        AccessReason.LivenessFailed => "liveness-failed",
        AccessReason.ResidentMovedOut => "resident-moved-out",
        AccessReason.VisitorCodeUsedUp => "visitor-code-used-up",
        AccessReason.MethodNotAllowed => "method-not-allowed",
        AccessReason.AccessGroupUnknown => "access-group-unknown",
        _ => "other",
    };

    /// <summary>The credential kind a method starts with (a card for card-and-PIN or card-and-face); null for none or a combination.</summary>
    public static CredentialKind? CredentialKindOf(AccessMethods method) => method switch
    {
        AccessMethods.Card or AccessMethods.CardAndPin or AccessMethods.CardAndFace => CredentialKind.Card,
        AccessMethods.Pin => CredentialKind.Pin,
        AccessMethods.Face => CredentialKind.Face,
        AccessMethods.VisitorCode => CredentialKind.VisitorCode,
        _ => null,
    };

    private static string DoorText(DoorId doorId) =>
        string.IsNullOrEmpty(doorId.Value) ? throw new ArgumentException("the door id is empty", nameof(doorId)) : doorId.Value;
}
