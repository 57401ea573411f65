using GateController.Core.Access;
using GateController.Core.Events;
using GateController.Core.Residents;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Core.Tests.Access;

public sealed class PinAttemptTrackerTests
{
    private const string Keypad = "keypad-1";
    private static readonly DoorId Door = DoorId.Parse("north-gate");
    private static readonly ResidentId Alice = ResidentId.Parse("R0001");
    private static readonly AccessDecision WrongPin = new(AccessReason.UnknownCredential, AccessMethods.Pin, null, false);
    private static readonly AccessDecision GoodPin = new(AccessReason.Granted, AccessMethods.Pin, Alice, false);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Record_FiveWrongPinsInWindow_LocksKeypadAndRaisesAlarm()
    {
        var tracker = new PinAttemptTracker(_time, new PinAttemptOptions());
        for (var i = 0; i < 4; i++)
        {
            Assert.Null(tracker.Record(Door, Keypad, PresentedCredential.Pin(), WrongPin));
            _time.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.False(tracker.IsLockedOut(Keypad));
        var alarm = Assert.IsType<KeypadLockedOut>(tracker.Record(Door, Keypad, PresentedCredential.Pin(), WrongPin));

        Assert.Equal(5, alarm.WrongAttempts);
        Assert.Equal(Door, alarm.DoorId);
        Assert.Equal(Keypad, alarm.KeypadId);
        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromMinutes(1), alarm.LockedUntil);
        Assert.True(tracker.IsLockedOut(Keypad));
        Assert.False(tracker.IsLockedOut("keypad-2"));
    }

    [Fact]
    public void IsLockedOut_AfterLockoutDuration_False()
    {
        var tracker = new PinAttemptTracker(_time, new PinAttemptOptions());
        FailTimes(tracker, 5);

        _time.Advance(TimeSpan.FromSeconds(59));
        Assert.True(tracker.IsLockedOut(Keypad));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(tracker.IsLockedOut(Keypad));
        Assert.Null(tracker.LockedUntil(Keypad));
    }

    [Fact]
    public void Record_WrongPinsSpreadBeyondWindow_DoNotLock()
    {
        var tracker = new PinAttemptTracker(_time, new PinAttemptOptions { AttemptWindow = TimeSpan.FromMinutes(5) });
        for (var i = 0; i < 10; i++)
        {
            Assert.Null(tracker.Record(Door, Keypad, PresentedCredential.Pin(), WrongPin));
            _time.Advance(TimeSpan.FromMinutes(1.25));
        }

        Assert.False(tracker.IsLockedOut(Keypad));
    }

    [Fact]
    public void Record_RepeatedLockouts_BackOffGrowsUpToMaximum()
    {
        var options = new PinAttemptOptions
        {
            LockoutDuration = TimeSpan.FromMinutes(1),
            LockoutGrowthFactor = 2,
            MaximumLockoutDuration = TimeSpan.FromMinutes(5),
        };
        var tracker = new PinAttemptTracker(_time, options);
        var durations = new List<TimeSpan>();
        for (var round = 0; round < 5; round++)
        {
            var alarm = FailTimes(tracker, 5);
            durations.Add(alarm.LockedUntil - alarm.OccurredAt);
            _time.Advance(alarm.LockedUntil - _time.GetUtcNow());
        }

        Assert.Equal([1, 2, 4, 5, 5], durations.Select(d => d.TotalMinutes));
    }

    [Fact]
    public void Record_QuietLongerThanLockoutMemory_BackOffStartsAgain()
    {
        var tracker = new PinAttemptTracker(_time, new PinAttemptOptions { LockoutMemory = TimeSpan.FromHours(1) });
        var first = FailTimes(tracker, 5);
        _time.Advance(TimeSpan.FromHours(2));

        var second = FailTimes(tracker, 5);

        Assert.Equal(TimeSpan.FromMinutes(1), first.LockedUntil - first.OccurredAt);
        Assert.Equal(TimeSpan.FromMinutes(1), second.LockedUntil - second.OccurredAt);
    }

    [Fact]
    public void Record_GrantedPin_ClearsWrongAttempts()
    {
        var tracker = new PinAttemptTracker(_time, new PinAttemptOptions());
        for (var i = 0; i < 4; i++)
        {
            tracker.Record(Door, Keypad, PresentedCredential.Pin(), WrongPin);
        }

        Assert.Null(tracker.Record(Door, Keypad, PresentedCredential.Pin(), GoodPin));
        for (var i = 0; i < 4; i++)
        {
            Assert.Null(tracker.Record(Door, Keypad, PresentedCredential.Pin(), WrongPin));
        }

        Assert.False(tracker.IsLockedOut(Keypad));
    }

    [Fact]
    public void Record_WrongPinAfterCard_CountsTowardLockout()
    {
        var tracker = new PinAttemptTracker(_time, new PinAttemptOptions { MaximumWrongAttempts = 3 });
        var wrongSecond = new AccessDecision(AccessReason.SecondFactorWrong, AccessMethods.CardAndPin, Alice, false);

        tracker.Record(Door, Keypad, PresentedCredential.CardWithPin(), wrongSecond);
        tracker.Record(Door, Keypad, PresentedCredential.CardWithPin(), wrongSecond);

        Assert.IsType<KeypadLockedOut>(tracker.Record(Door, Keypad, PresentedCredential.CardWithPin(), wrongSecond));
    }

    [Theory]
    [InlineData(AccessReason.UnknownCredential, false)]
    [InlineData(AccessReason.Expired, true)]
    [InlineData(AccessReason.OutsideSchedule, true)]
    [InlineData(AccessReason.LockedOut, true)]
    [InlineData(AccessReason.VisitorCodeUsedUp, true)]
    public void Record_ReasonsOtherThanWrongDigits_DoNotCount(AccessReason reason, bool keypad)
    {
        var tracker = new PinAttemptTracker(_time, new PinAttemptOptions());
        var presented = keypad ? PresentedCredential.VisitorCode() : PresentedCredential.Card();
        var decision = new AccessDecision(reason, AccessMethods.VisitorCode, null, false);

        for (var i = 0; i < 10; i++)
        {
            Assert.Null(tracker.Record(Door, Keypad, presented, decision));
        }

        Assert.False(tracker.IsLockedOut(Keypad));
    }

    [Fact]
    public void Record_WrongVisitorCodes_LockKeypad()
    {
        var tracker = new PinAttemptTracker(_time, new PinAttemptOptions());
        var wrongCode = new AccessDecision(AccessReason.UnknownCredential, AccessMethods.VisitorCode, null, false);
        AccessEvent? last = null;
        for (var i = 0; i < 5; i++)
        {
            last = tracker.Record(Door, Keypad, PresentedCredential.VisitorCode(), wrongCode);
        }

        Assert.IsType<KeypadLockedOut>(last);
    }

    [Fact]
    public void Record_WhileLocked_DoesNotExtendLockout()
    {
        var tracker = new PinAttemptTracker(_time, new PinAttemptOptions());
        var alarm = FailTimes(tracker, 5);
        _time.Advance(TimeSpan.FromSeconds(30));

        Assert.Null(tracker.Record(Door, Keypad, PresentedCredential.Pin(), WrongPin));
        Assert.Equal(alarm.LockedUntil, tracker.LockedUntil(Keypad));
    }

    [Fact]
    public void Record_DuressGrant_RaisesSilentDuressAlarmNamingResident()
    {
        var tracker = new PinAttemptTracker(_time, new PinAttemptOptions());
        var duress = new AccessDecision(AccessReason.Granted, AccessMethods.Pin, Alice, IsDuress: true);

        var alarm = Assert.IsType<DuressAlarmRaised>(tracker.Record(Door, Keypad, PresentedCredential.Pin(), duress));

        Assert.Equal(Alice, alarm.ResidentId);
        Assert.Equal(_time.GetUtcNow(), alarm.OccurredAt);
    }

    [Fact]
    public void DecideThenRecord_DuressPinFromStore_OpensAndRaisesAlarm()
    {
        var tracker = new PinAttemptTracker(_time, new PinAttemptOptions());
        var resident = new Resident(Alice, "Alice", null, ResidentStatus.Active, false);
        var lookup = CredentialLookup.Found(resident, new Core.Credentials.PinCredential(Alice, default)) with { IsDuressPin = true };
        var policy = DoorPolicy.Create(new DoorPolicyDefinition { DoorId = Door, Methods = AccessMethods.Pin });

        var decision = AccessPolicy.Decide(PresentedCredential.Pin(), lookup, policy, _time.GetUtcNow());
        var alarm = tracker.Record(Door, Keypad, PresentedCredential.Pin(), decision);

        Assert.True(decision.IsGranted);
        Assert.IsType<DuressAlarmRaised>(alarm);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsListingEveryProblem()
    {
        var options = new PinAttemptOptions { MaximumWrongAttempts = 6, LockoutDuration = TimeSpan.Zero };

        var error = Assert.Throws<ArgumentException>(() => new PinAttemptTracker(_time, options));

        Assert.Contains("MaximumWrongAttempts", error.Message, StringComparison.Ordinal);
        Assert.Contains("LockoutDuration", error.Message, StringComparison.Ordinal);
    }

    private static KeypadLockedOut FailTimes(PinAttemptTracker tracker, int count)
    {
        AccessEvent? last = null;
        for (var i = 0; i < count; i++)
        {
            last = tracker.Record(Door, Keypad, PresentedCredential.Pin(), WrongPin);
        }

        return Assert.IsType<KeypadLockedOut>(last);
    }
}
