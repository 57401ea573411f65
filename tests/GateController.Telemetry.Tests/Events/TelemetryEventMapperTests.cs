using GateController.Core.Access;
using GateController.Core.Credentials;
using GateController.Core.Door;
using GateController.Core.Events;
using GateController.Core.Residents;
using GateController.Telemetry.Events;

namespace GateController.Telemetry.Tests.Events;

public sealed class TelemetryEventMapperTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 7, 45, 12, TimeSpan.Zero);
    private static readonly DoorId North = DoorId.Parse("north-gate");
    private static readonly ResidentId Resident = ResidentId.Parse("R0042");

    public static TheoryData<AccessReason, TelemetryEventKind, string> Reasons => new()
    {
        { AccessReason.Granted, TelemetryEventKind.AccessGranted, "granted" },
        { AccessReason.UnknownCredential, TelemetryEventKind.AccessDenied, "unknown-credential" },
        { AccessReason.NotYetValid, TelemetryEventKind.AccessDenied, "not-yet-valid" },
        { AccessReason.Expired, TelemetryEventKind.AccessDenied, "expired" },
        { AccessReason.OutsideSchedule, TelemetryEventKind.AccessDenied, "outside-schedule" },
        { AccessReason.SecondFactorRequired, TelemetryEventKind.AccessDenied, "second-factor-required" },
        { AccessReason.SecondFactorWrong, TelemetryEventKind.AccessDenied, "second-factor-wrong" },
        { AccessReason.LockedOut, TelemetryEventKind.AccessDenied, "locked-out" },
        { AccessReason.FaceNotConsented, TelemetryEventKind.AccessDenied, "unknown-credential" },
        { AccessReason.LivenessFailed, TelemetryEventKind.AccessDenied, "liveness-failed" },
        { AccessReason.ResidentMovedOut, TelemetryEventKind.AccessDenied, "resident-moved-out" },
        { AccessReason.VisitorCodeUsedUp, TelemetryEventKind.AccessDenied, "visitor-code-used-up" },
        { AccessReason.MethodNotAllowed, TelemetryEventKind.AccessDenied, "method-not-allowed" },
        { AccessReason.AccessGroupUnknown, TelemetryEventKind.AccessDenied, "access-group-unknown" },
    };

    public static TheoryData<DoorEventKind, DoorEventCause, TelemetryEventKind, string> PublishedDoorEvents => new()
    {
        { DoorEventKind.HeldOpen, DoorEventCause.None, TelemetryEventKind.DoorHeldOpen, "held-open" },
        { DoorEventKind.Forced, DoorEventCause.None, TelemetryEventKind.DoorForced, "forced-open" },
        { DoorEventKind.Tamper, DoorEventCause.None, TelemetryEventKind.Tamper, "tamper" },
        { DoorEventKind.TamperCleared, DoorEventCause.None, TelemetryEventKind.Tamper, "tamper-cleared" },
        { DoorEventKind.FireReleaseStarted, DoorEventCause.None, TelemetryEventKind.FireAlarm, "fire-release-started" },
        { DoorEventKind.FireReleaseEnded, DoorEventCause.None, TelemetryEventKind.FireAlarm, "fire-release-ended" },
        { DoorEventKind.ManualRelease, DoorEventCause.None, TelemetryEventKind.DoorReleased, "manual-release" },
        { DoorEventKind.Unlocked, DoorEventCause.ExitButton, TelemetryEventKind.DoorReleased, "exit-button" },
    };

    public static TheoryData<DoorEventKind, DoorEventCause> UnpublishedDoorEvents => new()
    {
        { DoorEventKind.Unlocked, DoorEventCause.Grant },
        { DoorEventKind.Relocked, DoorEventCause.PulseElapsed },
        { DoorEventKind.Relocked, DoorEventCause.DoorClosed },
        { DoorEventKind.Relocked, DoorEventCause.ManualReleaseElapsed },
        { DoorEventKind.Relocked, DoorEventCause.FireAlarmCleared },
        { DoorEventKind.Relocked, DoorEventCause.OperatorRelock },
        { DoorEventKind.Opened, DoorEventCause.None },
        { DoorEventKind.Closed, DoorEventCause.None },
    };

    public static TheoryData<AccessMethods, CredentialKind?> Methods => new()
    {
        { AccessMethods.None, null },
        { AccessMethods.Card, CredentialKind.Card },
        { AccessMethods.Pin, CredentialKind.Pin },
        { AccessMethods.Face, CredentialKind.Face },
        { AccessMethods.CardAndPin, CredentialKind.Card },
        { AccessMethods.CardAndFace, CredentialKind.Card },
        { AccessMethods.VisitorCode, CredentialKind.VisitorCode },
        { AccessMethods.Card | AccessMethods.Pin, null },
    };

    [Theory]
    [MemberData(nameof(Reasons))]
    public void Map_AccessDecided_KindAndReasonCode(AccessReason reason, TelemetryEventKind kind, string code)
    {
        var mapped = TelemetryEventMapper.Map(new AccessDecided(North, At, reason, AccessMethods.Card, null));

        Assert.Equal(kind, mapped.Kind);
        Assert.Equal(code, mapped.Reason);
        Assert.Equal("north-gate", mapped.DoorId);
        Assert.Equal(At, mapped.OccurredAt);
        Assert.Equal(CredentialKind.Card, mapped.Method);
        Assert.False(mapped.IsAlarm);
    }

    [Fact]
    public void Reasons_CoverEveryAccessReason() =>
        Assert.Equal(Enum.GetValues<AccessReason>().Order(), Reasons.Select(row => (AccessReason)row[0]).Order());

    [Fact]
    public void ReasonCode_EveryAccessReason_IsValidCode() =>
        Assert.All(Enum.GetValues<AccessReason>(), reason => Assert.True(TelemetryEvent.IsReasonCode(TelemetryEventMapper.ReasonCode(reason))));

    [Fact]
    public void Map_AccessDecidedWithResident_PassesResidentIdThrough()
    {
        var mapped = TelemetryEventMapper.Map(new AccessDecided(North, At, AccessReason.Granted, AccessMethods.Face, Resident));

        Assert.Equal(Resident, mapped.ResidentId);
        Assert.Equal(CredentialKind.Face, mapped.Method);
    }

    [Fact]
    public void Map_FaceNotConsentedWithResident_DropsResidentId() =>
        Assert.Null(TelemetryEventMapper.Map(new AccessDecided(North, At, AccessReason.FaceNotConsented, AccessMethods.Face, Resident)).ResidentId);

    [Fact]
    public void Map_KeypadLockedOut_LockoutAlarmWithoutKeypadDetails()
    {
        var mapped = TelemetryEventMapper.Map(new KeypadLockedOut(North, At, "lobby-keypad", 5, At.AddMinutes(5)));

        Assert.Equal(TelemetryEventKind.Lockout, mapped.Kind);
        Assert.Equal("keypad-locked-out", mapped.Reason);
        Assert.Equal(CredentialKind.Pin, mapped.Method);
        Assert.Null(mapped.ResidentId);
        Assert.True(mapped.IsAlarm);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Map_DuressAlarmRaised_DuressAlarmWithResidentPassedThrough(bool withResident)
    {
        var mapped = TelemetryEventMapper.Map(new DuressAlarmRaised(North, At, withResident ? Resident : null));

        Assert.Equal(TelemetryEventKind.Duress, mapped.Kind);
        Assert.Equal("duress-pin", mapped.Reason);
        Assert.Equal(CredentialKind.Pin, mapped.Method);
        Assert.Equal(withResident ? Resident : null, mapped.ResidentId);
        Assert.True(mapped.IsAlarm);
    }

    [Fact]
    public void Map_AccessEventBase_DispatchesEverySubtype()
    {
        AccessEvent[] events =
        [
            new AccessDecided(North, At, AccessReason.Expired, AccessMethods.Card, null),
            new KeypadLockedOut(North, At, "k1", 5, At),
            new DuressAlarmRaised(North, At, null),
            new FaceConsentWithdrawnAtGate(North, At, Resident),
        ];

        Assert.Equal(
            [TelemetryEventKind.AccessDenied, TelemetryEventKind.Lockout, TelemetryEventKind.Duress, TelemetryEventKind.FaceConsentWithdrawn],
            events.Select(TelemetryEventMapper.Map).Select(e => e.Kind));
    }

    [Fact]
    public void Map_FaceConsentWithdrawnAtGate_NonAlarmEventWithResidentForTheWireToDrop()
    {
        var mapped = TelemetryEventMapper.Map(new FaceConsentWithdrawnAtGate(North, At, Resident));

        Assert.Equal(TelemetryEventKind.FaceConsentWithdrawn, mapped.Kind);
        Assert.Equal("face-consent-withdrawn-at-gate", mapped.Reason);
        Assert.Equal("north-gate", mapped.DoorId);
        Assert.Equal(At, mapped.OccurredAt);
        Assert.Null(mapped.Method);
        Assert.False(mapped.IsAlarm);
        Assert.Equal(Resident, mapped.ResidentId);
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, "R0042")]
    public void EventDocument_FaceConsentWithdrawn_ResidentOnlyWhenConfigured(bool publishResidentIds, string? expected)
    {
        var document = EventDocument.From(TelemetryEventMapper.Map(new FaceConsentWithdrawnAtGate(North, At, Resident)), 7, publishResidentIds);

        Assert.Equal(expected, document.Resident);
        Assert.Equal(TelemetryEventKind.FaceConsentWithdrawn, document.Kind);
    }

    [Fact]
    public void Map_EventWithDefaultDoorId_Throws() =>
        Assert.Throws<ArgumentException>(() => TelemetryEventMapper.Map(new DuressAlarmRaised(default, At, null)));

    [Theory]
    [MemberData(nameof(PublishedDoorEvents))]
    public void TryMap_PublishedDoorEvent_KindAndReason(DoorEventKind doorKind, DoorEventCause cause, TelemetryEventKind kind, string code)
    {
        Assert.True(TelemetryEventMapper.TryMap(new DoorEvent(doorKind, At, cause, TimeSpan.FromSeconds(10)), North, out var mapped));

        Assert.Equal(kind, mapped.Kind);
        Assert.Equal(code, mapped.Reason);
        Assert.Equal("north-gate", mapped.DoorId);
        Assert.Equal(At, mapped.OccurredAt);
        Assert.Null(mapped.ResidentId);
        Assert.Null(mapped.Method);
    }

    [Theory]
    [MemberData(nameof(UnpublishedDoorEvents))]
    public void TryMap_RoutineDoorEvent_False(DoorEventKind doorKind, DoorEventCause cause)
    {
        Assert.False(TelemetryEventMapper.TryMap(new DoorEvent(doorKind, At, cause, TimeSpan.Zero), North, out var mapped));
        Assert.Null(mapped);
    }

    [Fact]
    public void DoorEventTables_CoverEveryDoorEventKind()
    {
        var covered = PublishedDoorEvents.Select(row => (DoorEventKind)row[0])
            .Concat(UnpublishedDoorEvents.Select(row => (DoorEventKind)row[0]))
            .Distinct()
            .Order();

        Assert.Equal(Enum.GetValues<DoorEventKind>().Order(), covered);
    }

    [Theory]
    [InlineData(DoorEventKind.HeldOpen, true)]
    [InlineData(DoorEventKind.Forced, true)]
    [InlineData(DoorEventKind.Tamper, true)]
    [InlineData(DoorEventKind.FireReleaseStarted, true)]
    [InlineData(DoorEventKind.ManualRelease, false)]
    public void TryMap_DoorEvent_AlarmsAreAlarms(DoorEventKind doorKind, bool alarm)
    {
        Assert.True(TelemetryEventMapper.TryMap(new DoorEvent(doorKind, At, DoorEventCause.None, TimeSpan.Zero), North, out var mapped));
        Assert.Equal(alarm, mapped.IsAlarm);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void CredentialKindOf_Method_Maps(AccessMethods method, CredentialKind? expected) =>
        Assert.Equal(expected, TelemetryEventMapper.CredentialKindOf(method));
}
