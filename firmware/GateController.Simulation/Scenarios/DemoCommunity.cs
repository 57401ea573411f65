using GateController.Core.Access;
using GateController.Core.Consents;
using GateController.Core.Credentials;
using GateController.Core.Door;
using GateController.Core.Residents;
using GateController.Simulation.Access;

namespace GateController.Simulation.Scenarios;

/// <summary>
/// The community the demonstration plays in: its residents and credentials, and the front gate's door policies —
/// residents open with card, PIN or visitor code at any time; the "daytime" group (housekeepers and other daytime staff) with
/// card+PIN or PIN on weekdays 09:00–18:00 and Saturday mornings, not on New Year's Day, in Asia/Shanghai.
/// The secrets below are test values for the simulated readers; the timeline never prints them.
/// </summary>
public static class DemoCommunity
{
    /// <summary>The access group of residents allowed in by day only.</summary>
    public const string DaytimeGroup = "daytime";

    /// <summary>The reader (card and keypad) at the front gate.</summary>
    public const string ReaderId = "front";

    /// <summary>A resident with a card, a PIN and a consented face.</summary>
    public static readonly ResidentId CardHolder = ResidentId.Parse("R0001");

    /// <summary>A resident who opens with a PIN.</summary>
    public static readonly ResidentId PinHolder = ResidentId.Parse("R0002");

    /// <summary>A resident whose card expired.</summary>
    public static readonly ResidentId ExpiredCardHolder = ResidentId.Parse("R0003");

    /// <summary>A resident in the daytime group.</summary>
    public static readonly ResidentId DaytimeWorker = ResidentId.Parse("R0004");

    /// <summary>A resident who moved out and still has a card.</summary>
    public static readonly ResidentId MovedOut = ResidentId.Parse("R0005");

    /// <summary>A resident whose PIN is used under duress in the demonstration.</summary>
    public static readonly ResidentId DuressVictim = ResidentId.Parse("R0006");

    /// <summary>New Year's Day, a holiday on which the daytime group is not let in.</summary>
    public static readonly DateOnly NewYearsDay = new(2027, 1, 1);

    internal static readonly byte[] CardHolderCard = [0x2A, 0x30, 0x39];
    internal static readonly byte[] UnknownCard = [0x7F, 0x01, 0x02];
    internal static readonly byte[] ExpiredCard = [0x2A, 0x11, 0x5C];
    internal static readonly byte[] DaytimeWorkerCard = [0x2A, 0x4E, 0x21];
    internal static readonly byte[] MovedOutCard = [0x2A, 0x07, 0x6B];

    internal const string CardHolderPin = "582046";
    internal const string PinHolderPin = "739215";
    internal const string DaytimeWorkerPin = "864213";
    internal const string DuressVictimPin = "914370";
    internal const string DuressVictimDuressPin = "914371";
    internal const string VisitorCode = "40518237";

    /// <summary>Wrong PINs typed one after another to lock the keypad; none is anyone's PIN or duress PIN.</summary>
    internal static readonly string[] WrongPins = ["111111", "222222", "333333", "444444", "555555"];

    private static readonly DoorId FrontGate = DoorId.Parse("front-gate");

    /// <summary>Residents' policy at the front gate: card, PIN, card+PIN and visitor codes, at any time.</summary>
    public static DoorPolicyDefinition ResidentsPolicy() => new()
    {
        DoorId = FrontGate,
        Methods = AccessMethods.Card | AccessMethods.Pin | AccessMethods.CardAndPin | AccessMethods.VisitorCode,
        TimeZoneId = DoorPolicyDefinition.DefaultTimeZoneId,
    };

    /// <summary>The daytime group's policy at the front gate: card+PIN or PIN, weekdays 09:00–18:00, Saturday 09:00–12:00, closed on New Year's Day.</summary>
    public static DoorPolicyDefinition DaytimePolicy()
    {
        ScheduleWindow[] workday = [new(9 * 60, 18 * 60)];
        return new DoorPolicyDefinition
        {
            DoorId = FrontGate,
            Methods = AccessMethods.CardAndPin | AccessMethods.Pin,
            WeeklySchedule = new Dictionary<DayOfWeek, IReadOnlyList<ScheduleWindow>>
            {
                [DayOfWeek.Monday] = workday,
                [DayOfWeek.Tuesday] = workday,
                [DayOfWeek.Wednesday] = workday,
                [DayOfWeek.Thursday] = workday,
                [DayOfWeek.Friday] = workday,
                [DayOfWeek.Saturday] = [new(9 * 60, 12 * 60)],
            },
            Holidays = [NewYearsDay],
            HolidayWindows = [],
            TimeZoneId = DoorPolicyDefinition.DefaultTimeZoneId,
        };
    }

    /// <summary>A policy that must be refused (P1): face recognition as the only way through the front gate.</summary>
    public static DoorPolicyDefinition FaceOnlyPolicy() => new()
    {
        DoorId = FrontGate,
        Methods = AccessMethods.Face,
        TimeZoneId = DoorPolicyDefinition.DefaultTimeZoneId,
    };

    /// <summary>The door: 5 s pulse, 30 s held-open threshold, fail-secure strike, relock on close.</summary>
    public static DoorOptions DoorOptions() => new()
    {
        PulseDuration = TimeSpan.FromSeconds(5),
        HeldOpenThreshold = TimeSpan.FromSeconds(30),
        LockType = LockType.FailSecure,
        RelockOnClose = true,
    };

    /// <summary>Keypad lockout: 5 wrong attempts in 5 minutes lock for 60 s; duress PIN is the PIN with its last digit plus one.</summary>
    public static PinAttemptOptions PinAttemptOptions() => new()
    {
        MaximumWrongAttempts = 5,
        AttemptWindow = TimeSpan.FromMinutes(5),
        LockoutDuration = TimeSpan.FromSeconds(60),
        DuressTransformation = DuressPinTransformation.LastDigitPlusOne,
    };

    /// <summary>The community's directory as it stands at <paramref name="now"/>.</summary>
    public static SimulatedAccessDirectory CreateDirectory(DateTimeOffset now)
    {
        var directory = new SimulatedAccessDirectory(DuressPinTransformation.LastDigitPlusOne);
        var always = ValidityWindow.Always;
        directory.AddResident(new Resident(CardHolder, "Demo Resident One", "3-201", ResidentStatus.Active, IsMinor: false));
        directory.AddResident(new Resident(PinHolder, "Demo Resident Two", "3-202", ResidentStatus.Active, IsMinor: false));
        directory.AddResident(new Resident(ExpiredCardHolder, "Demo Resident Three", "5-101", ResidentStatus.Active, IsMinor: false));
        directory.AddResident(new Resident(DaytimeWorker, "Demo Housekeeper Four", "3-201", ResidentStatus.Active, IsMinor: false), DaytimeGroup);
        directory.AddResident(new Resident(MovedOut, "Demo Resident Five", "7-402", ResidentStatus.Active, IsMinor: false));
        directory.AddResident(new Resident(DuressVictim, "Demo Resident Six", "2-301", ResidentStatus.Active, IsMinor: false));

        directory.AddCard(CardHolder, CardFormat.Wiegand26, CardHolderCard, always);
        directory.SetPin(CardHolder, CardHolderPin, always);
        directory.EnrollFace(CardHolder, new FaceTemplateId(1), always);
        directory.RecordConsent(new ConsentRecord
        {
            ResidentId = CardHolder,
            Kind = ConsentKind.Face,
            NoticeVersion = "2026-01",
            NoticeSha256 = ConsentRecord.HashNotice("face recognition notice 2026-01"),
            Channel = ConsentChannel.Office,
            FormNumber = "F-2026-0001",
            Operator = "office",
            GivenAt = now.AddDays(-30),
        });

        directory.SetPin(PinHolder, PinHolderPin, always);
        directory.AddCard(ExpiredCardHolder, CardFormat.Wiegand26, ExpiredCard, new ValidityWindow(now.AddYears(-1), now.AddDays(-26)));
        directory.AddCard(DaytimeWorker, CardFormat.Wiegand26, DaytimeWorkerCard, always);
        directory.SetPin(DaytimeWorker, DaytimeWorkerPin, always);
        directory.AddCard(MovedOut, CardFormat.Wiegand26, MovedOutCard, always);
        directory.MoveOut(MovedOut);
        directory.SetPin(DuressVictim, DuressVictimPin, always);
        directory.AddVisitorCode(CardHolder, VisitorCode, new ValidityWindow(now.AddMinutes(-5), now.AddHours(4)), maximumUses: 1);
        return directory;
    }

    /// <summary>The front gate on <paramref name="door"/>: residents' policy by default, the daytime group's for its members.</summary>
    /// <exception cref="ArgumentException">A policy does not validate (it names every problem).</exception>
    public static SimulatedGate CreateGate(SimulatedAccessDirectory directory, DoorStateMachine door, TimeProvider timeProvider) =>
        new(
            directory,
            DoorPolicy.Create(ResidentsPolicy()),
            new Dictionary<string, DoorPolicy>(StringComparer.Ordinal) { [DaytimeGroup] = DoorPolicy.Create(DaytimePolicy()) },
            door,
            timeProvider,
            PinAttemptOptions(),
            pinAfterCardTimeout: TimeSpan.FromSeconds(10));
}
