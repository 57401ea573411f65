using GateController.Core.Access;
using GateController.Core.Credentials;
using GateController.Core.Door;
using GateController.Core.Events;
using GateController.Core.Readers;
using GateController.Core.Residents;
using GateController.Simulation.Access;
using GateController.Simulation.Scenarios;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Hardware.Tests.Simulation;

public sealed class SimulatedGateTests
{
    /// <summary>Friday 2026-11-27 08:00 in Asia/Shanghai, as the demonstration.</summary>
    private static readonly DateTimeOffset Start = DemoScenario.Start;

    public static TheoryData<string, AccessReason, string?> DemoCredentials => new()
    {
        { "card:" + Convert.ToHexString(DemoCommunity.CardHolderCard), AccessReason.Granted, "R0001" },
        { "card:" + Convert.ToHexString(DemoCommunity.UnknownCard), AccessReason.UnknownCredential, null },
        { "card:" + Convert.ToHexString(DemoCommunity.ExpiredCard), AccessReason.Expired, "R0003" },
        { "card:" + Convert.ToHexString(DemoCommunity.DaytimeWorkerCard), AccessReason.OutsideSchedule, "R0004" },
        { "card:" + Convert.ToHexString(DemoCommunity.MovedOutCard), AccessReason.ResidentMovedOut, "R0005" },
        { "pin:" + DemoCommunity.PinHolderPin, AccessReason.Granted, "R0002" },
        { "pin:" + DemoCommunity.CardHolderPin, AccessReason.Granted, "R0001" },
        { "pin:" + DemoCommunity.DuressVictimDuressPin, AccessReason.Granted, "R0006" },
        { "pin:" + DemoCommunity.DaytimeWorkerPin, AccessReason.OutsideSchedule, "R0004" },
        { "pin:000000", AccessReason.UnknownCredential, null },
        { "visitor:" + DemoCommunity.VisitorCode, AccessReason.Granted, "R0001" },
        { "visitor:13572468", AccessReason.UnknownCredential, null },
    };

    [Theory]
    [MemberData(nameof(DemoCredentials))]
    public void Present_DemoCredentialAtStart_DecidesWithReason(string credential, AccessReason reason, string? residentId)
    {
        using var fixture = new GateFixture(Start);

        var decision = fixture.Gate.Present(fixture.Credential(credential));

        Assert.Equal(reason, decision.Reason);
        Assert.Equal(residentId, decision.Decision.ResidentId?.Value);
        Assert.Equal(reason == AccessReason.Granted ? DoorLockState.Unlocked : DoorLockState.Locked, fixture.Door.State);
    }

    [Fact]
    public void Present_DuressPin_GrantsAndRaisesSilentDuressAlarm()
    {
        using var fixture = new GateFixture(Start);

        var decision = fixture.Gate.Present(fixture.Credential("pin:" + DemoCommunity.DuressVictimDuressPin));

        var alarm = Assert.IsType<DuressAlarmRaised>(Assert.Single(decision.Alarms));
        Assert.Equal(DemoCommunity.DuressVictim, alarm.ResidentId);
        Assert.True(decision.Decision.IsDuress);
        Assert.Equal(BuzzerPattern.Granted, fixture.Door.Outputs.Buzzer);
    }

    [Fact]
    public void Present_FiveWrongPins_LocksKeypadUntilBackOffEnds()
    {
        using var fixture = new GateFixture(Start);
        ScenarioDecision? last = null;
        foreach (var pin in DemoCommunity.WrongPins)
        {
            last = fixture.Gate.Present(fixture.Credential("pin:" + pin));
            fixture.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var during = fixture.Gate.Present(fixture.Credential("pin:" + DemoCommunity.PinHolderPin));
        var cardDuring = fixture.Gate.Present(fixture.Credential("card:" + Convert.ToHexString(DemoCommunity.CardHolderCard)));
        fixture.Clock.Advance(TimeSpan.FromSeconds(60));
        var after = fixture.Gate.Present(fixture.Credential("pin:" + DemoCommunity.PinHolderPin));

        var lockout = Assert.IsType<KeypadLockedOut>(Assert.Single(last!.Alarms));
        Assert.Equal(5, lockout.WrongAttempts);
        Assert.Equal(AccessReason.LockedOut, during.Reason);
        Assert.Equal(AccessReason.Granted, cardDuring.Reason);
        Assert.Equal(AccessReason.Granted, after.Reason);
    }

    [Fact]
    public void Present_VisitorCodeTwice_SecondIsUsedUp()
    {
        using var fixture = new GateFixture(Start);

        var first = fixture.Gate.Present(fixture.Credential("visitor:" + DemoCommunity.VisitorCode));
        var second = fixture.Gate.Present(fixture.Credential("visitor:" + DemoCommunity.VisitorCode));

        Assert.Equal(AccessReason.Granted, first.Reason);
        Assert.Equal(AccessReason.VisitorCodeUsedUp, second.Reason);
        Assert.Equal(0, fixture.Directory.FindVisitorCode(DemoCommunity.VisitorCode)!.UsesRemaining);
    }

    [Fact]
    public void Present_RefusedVisitorCode_DoesNotUseItUp()
    {
        using var fixture = new GateFixture(Start.AddHours(5));

        var decision = fixture.Gate.Present(fixture.Credential("visitor:" + DemoCommunity.VisitorCode));

        Assert.Equal(AccessReason.Expired, decision.Reason);
        Assert.Equal(1, fixture.Directory.FindVisitorCode(DemoCommunity.VisitorCode)!.UsesRemaining);
    }

    [Theory]
    [InlineData(2026, 11, 30, 10, 0, AccessReason.SecondFactorRequired)]
    [InlineData(2026, 11, 30, 8, 59, AccessReason.OutsideSchedule)]
    [InlineData(2026, 11, 30, 18, 0, AccessReason.OutsideSchedule)]
    [InlineData(2026, 11, 28, 11, 59, AccessReason.SecondFactorRequired)]
    [InlineData(2026, 11, 28, 12, 0, AccessReason.OutsideSchedule)]
    [InlineData(2026, 11, 29, 10, 0, AccessReason.OutsideSchedule)]
    [InlineData(2027, 1, 1, 10, 0, AccessReason.OutsideSchedule)]
    [InlineData(2027, 1, 4, 10, 0, AccessReason.SecondFactorRequired)]
    public void Present_DaytimeCardAtLocalTime_FollowsScheduleAndHoliday(int year, int month, int day, int hour, int minute, AccessReason reason)
    {
        using var fixture = new GateFixture(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(8)));

        var decision = fixture.Gate.Present(fixture.Credential("card:" + Convert.ToHexString(DemoCommunity.DaytimeWorkerCard)));

        Assert.Equal(reason, decision.Reason);
        Assert.Equal(BuzzerPattern.None == fixture.Door.Outputs.Buzzer, reason == AccessReason.SecondFactorRequired);
    }

    [Theory]
    [InlineData(DemoCommunity.DaytimeWorkerPin, 3, AccessReason.Granted, false)]
    [InlineData("864214", 3, AccessReason.Granted, true)]
    [InlineData("111111", 3, AccessReason.SecondFactorWrong, false)]
    public void Present_CardThenPin_DecidesAsCardAndPin(string pin, int secondsLater, AccessReason reason, bool duress)
    {
        using var fixture = new GateFixture(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(8)));
        fixture.Gate.Present(fixture.Credential("card:" + Convert.ToHexString(DemoCommunity.DaytimeWorkerCard)));
        fixture.Clock.Advance(TimeSpan.FromSeconds(secondsLater));

        var decision = fixture.Gate.Present(fixture.Credential("pin:" + pin));

        Assert.Equal(reason, decision.Reason);
        Assert.Equal(AccessMethods.CardAndPin, decision.Decision.Method);
        Assert.Equal(DemoCommunity.DaytimeWorker, decision.Decision.ResidentId);
        Assert.Equal(duress, decision.Alarms.Any(a => a is DuressAlarmRaised));
    }

    [Fact]
    public void Present_PinTooLongAfterCard_IsJudgedAsPinAlone()
    {
        using var fixture = new GateFixture(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.FromHours(8)));
        fixture.Gate.Present(fixture.Credential("card:" + Convert.ToHexString(DemoCommunity.DaytimeWorkerCard)));
        fixture.Clock.Advance(TimeSpan.FromSeconds(11));

        var decision = fixture.Gate.Present(fixture.Credential("pin:" + DemoCommunity.DaytimeWorkerPin));

        Assert.Equal(AccessReason.Granted, decision.Reason);
        Assert.Equal(AccessMethods.Pin, decision.Decision.Method);
    }

    [Fact]
    public void Decide_Grant_LeavesTheDoorAlone()
    {
        using var fixture = new GateFixture(Start);

        var decision = fixture.Gate.Decide(fixture.Credential("card:" + Convert.ToHexString(DemoCommunity.CardHolderCard)));

        Assert.True(decision.Granted);
        Assert.Equal(DoorLockState.Locked, fixture.Door.State);
    }

    [Fact]
    public void Constructor_GroupWithoutPolicy_Throws()
    {
        using var fixture = new GateFixture(Start);

        var error = Assert.Throws<ArgumentException>(() => new SimulatedGate(
            fixture.Directory, DoorPolicy.Create(DemoCommunity.ResidentsPolicy()), new Dictionary<string, DoorPolicy>(),
            fixture.Door, fixture.Clock, DemoCommunity.PinAttemptOptions(), TimeSpan.FromSeconds(10)));

        Assert.Contains("'daytime'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Present_ResidentAddedToGroupWithoutPolicyAfterwards_RefusedNotGivenTheDefaultPolicy()
    {
        using var fixture = new GateFixture(Start);
        var latecomer = ResidentId.Parse("R0099");
        fixture.Directory.AddResident(new Resident(latecomer, "Late", null, ResidentStatus.Active, IsMinor: false), "night-shift");
        fixture.Directory.AddCard(latecomer, CardFormat.Wiegand26, [0x01, 0x99], ValidityWindow.Always);

        var decision = fixture.Gate.Present(fixture.Credential("card:0199"));

        Assert.Equal(AccessReason.AccessGroupUnknown, decision.Reason);
        Assert.False(decision.Granted);
        Assert.Equal(latecomer, decision.Decision.ResidentId);
        Assert.Equal(DoorLockState.Locked, fixture.Door.State);
    }

    [Fact]
    public void Constructor_PolicyOfAnotherDoor_Throws()
    {
        using var fixture = new GateFixture(Start);
        var otherDoor = new DoorPolicyDefinition { DoorId = DoorId.Parse("side-door"), Methods = AccessMethods.Card };

        Assert.Throws<ArgumentException>(() => new SimulatedGate(
            fixture.Directory, DoorPolicy.Create(DemoCommunity.ResidentsPolicy()),
            new Dictionary<string, DoorPolicy> { [DemoCommunity.DaytimeGroup] = DoorPolicy.Create(otherDoor) },
            fixture.Door, fixture.Clock, DemoCommunity.PinAttemptOptions(), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Constructor_InvalidPinOptions_ThrowsNamingTheSetting()
    {
        using var fixture = new GateFixture(Start);
        var options = DemoCommunity.PinAttemptOptions();
        options.MaximumWrongAttempts = 6;

        var error = Assert.Throws<ArgumentException>(() => new SimulatedGate(
            fixture.Directory, DoorPolicy.Create(DemoCommunity.ResidentsPolicy()),
            new Dictionary<string, DoorPolicy> { [DemoCommunity.DaytimeGroup] = DoorPolicy.Create(DemoCommunity.DaytimePolicy()) },
            fixture.Door, fixture.Clock, options, TimeSpan.FromSeconds(10)));

        Assert.Contains("MaximumWrongAttempts", error.Message, StringComparison.Ordinal);
    }

    private sealed class GateFixture : IDisposable
    {
        public GateFixture(DateTimeOffset now)
        {
            Clock = new FakeTimeProvider(now);
            Directory = DemoCommunity.CreateDirectory(Start);
            Door = new DoorStateMachine(DemoCommunity.DoorOptions(), Clock);
            Gate = DemoCommunity.CreateGate(Directory, Door, Clock);
        }

        public FakeTimeProvider Clock { get; }

        public SimulatedAccessDirectory Directory { get; }

        public DoorStateMachine Door { get; }

        public SimulatedGate Gate { get; }

        public CredentialPresented Credential(string text)
        {
            var (kind, secret) = (text[..text.IndexOf(':', StringComparison.Ordinal)], text[(text.IndexOf(':', StringComparison.Ordinal) + 1)..]);
            var now = Clock.GetUtcNow();
            return kind switch
            {
                "card" => CredentialPresented.ForCard(DemoCommunity.ReaderId, CardFormat.Wiegand26, Convert.FromHexString(secret), now),
                "pin" => CredentialPresented.ForPin(DemoCommunity.ReaderId, secret, now),
                _ => CredentialPresented.ForVisitorCode(DemoCommunity.ReaderId, secret, now),
            };
        }

        public void Dispose() => Door.Dispose();
    }
}
