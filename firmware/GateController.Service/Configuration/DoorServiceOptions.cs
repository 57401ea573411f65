using GateController.Core.Access;
using GateController.Core.Door;
using GateController.Hardware.Door;
using GateController.Hardware.Gpio;

namespace GateController.Service.Configuration;

/// <summary>
/// The <c>Door</c> section: the door's lines (<see cref="DoorIoOptions"/>), its timing (<see cref="DoorOptions"/>) and its
/// access policy (which methods open it, in which time zone).
/// </summary>
public sealed class DoorServiceOptions
{
    /// <summary>Whether the unit drives a door at all; false serves only the admin API (a bench or office unit).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The door's identifier in events and policies.</summary>
    public string Id { get; set; } = "front-gate";

    /// <summary>The methods that open the door, e.g. "Card, Pin, CardAndPin, VisitorCode, Face".</summary>
    public AccessMethods Methods { get; set; } = AccessMethods.Card | AccessMethods.Pin | AccessMethods.VisitorCode;

    /// <summary>The time zone schedules are read in.</summary>
    public string TimeZoneId { get; set; } = DoorPolicyDefinition.DefaultTimeZoneId;

    /// <summary>
    /// Access groups by name (1–32 letters, digits, '-', '_', '.'), each with its own methods and schedule at this door.
    /// A resident in a group follows its policy; a resident in no group follows the door's.
    /// </summary>
    public Dictionary<string, AccessGroupServiceOptions> AccessGroups { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The GPIO chip carrying the door's lines, e.g. gpiochip0.</summary>
    public string Chip { get; set; } = "gpiochip0";

    /// <summary>How the lock behaves without power.</summary>
    public LockFailMode LockFailMode { get; set; } = LockFailMode.FailSecure;

    /// <summary>How long a grant releases the lock.</summary>
    public TimeSpan PulseDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long the door may stand open before the held-open alarm.</summary>
    public TimeSpan HeldOpenThreshold { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether closing the door relocks it at once.</summary>
    public bool RelockOnClose { get; set; } = true;

    /// <summary>How long the LED and buzzer feedback lasts.</summary>
    public TimeSpan FeedbackDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest manual release (gatectl door release).</summary>
    public TimeSpan ManualReleaseLimit { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The lock relay line.</summary>
    public DoorOutputLineOptions Relay { get; set; } = new() { Line = "GPIO17" };

    /// <summary>The green LED line.</summary>
    public DoorOutputLineOptions GreenLed { get; set; } = new() { Line = "GPIO27" };

    /// <summary>The red LED line.</summary>
    public DoorOutputLineOptions RedLed { get; set; } = new() { Line = "GPIO22" };

    /// <summary>The buzzer line.</summary>
    public DoorOutputLineOptions Buzzer { get; set; } = new() { Line = "GPIO18" };

    /// <summary>The exit button line.</summary>
    public DoorInputLineOptions ExitButton { get; set; } = new() { Line = "GPIO23", ActiveLow = true };

    /// <summary>The door contact (reed) line.</summary>
    public DoorInputLineOptions DoorContact { get; set; } = new() { Line = "GPIO24" };

    /// <summary>The fire alarm line.</summary>
    public DoorInputLineOptions FireAlarm { get; set; } = new() { Line = "GPIO4", DebounceMilliseconds = 100 };

    /// <summary>The tamper switch line.</summary>
    public DoorInputLineOptions Tamper { get; set; } = new() { Line = "GPIO15" };

    /// <summary>The lines' settings for <see cref="DoorIo"/>.</summary>
    public DoorIoOptions ToIoOptions() => new()
    {
        Chip = Chip,
        LockFailMode = LockFailMode,
        Relay = Relay,
        GreenLed = GreenLed,
        RedLed = RedLed,
        Buzzer = Buzzer,
        ExitButton = ExitButton,
        DoorContact = DoorContact,
        FireAlarm = FireAlarm,
        Tamper = Tamper,
    };

    /// <summary>The door state machine's settings; the lock type follows <see cref="LockFailMode"/>.</summary>
    public DoorOptions ToDoorOptions() => new()
    {
        PulseDuration = PulseDuration,
        HeldOpenThreshold = HeldOpenThreshold,
        LockType = LockFailMode == LockFailMode.FailSafe ? LockType.FailSafe : LockType.FailSecure,
        RelockOnClose = RelockOnClose,
        FeedbackDuration = FeedbackDuration,
        ManualReleaseLimit = ManualReleaseLimit,
    };

    /// <summary>The access policy's definition; <see cref="Validate"/> first.</summary>
    public DoorPolicyDefinition ToPolicyDefinition() => new()
    {
        DoorId = DoorId.Parse(Id),
        Methods = Methods,
        TimeZoneId = TimeZoneId,
    };

    /// <summary>Every problem, one message each naming the setting (without the section prefix).</summary>
    /// <param name="gpio">The board's chip, to resolve line names; null to check names only among themselves.</param>
    public IReadOnlyList<string> Validate(GpioController? gpio = null)
    {
        var problems = new List<string>();
        if (!DoorId.TryParse(Id, out _, out var idError))
        {
            problems.Add($"{nameof(Id)}: {idError}");
            return problems;
        }

        problems.AddRange(ToDoorOptions().Validate());
        problems.AddRange(ToIoOptions().Validate(gpio));
        problems.AddRange(DoorPolicyValidator.Validate(ToPolicyDefinition()));
        foreach (var (name, group) in AccessGroups)
        {
            var setting = $"{nameof(AccessGroups)}:{name}";
            if (!Storage.GateStore.IsValidAccessGroupName(name))
            {
                problems.Add($"{setting}: a group name is 1–{Storage.GateStore.MaximumAccessGroupNameLength} letters, digits, '-', '_' or '.'");
            }

            if (group is null)
            {
                problems.Add($"{setting}: has no settings");
                continue;
            }

            problems.AddRange(group.Validate(setting, this));
        }

        return problems;
    }

    /// <summary>Each access group's policy at this door; <see cref="Validate"/> first.</summary>
    public Dictionary<string, DoorPolicy> ToGroupPolicies() =>
        AccessGroups.ToDictionary(g => g.Key, g => DoorPolicy.Create(g.Value.ToPolicyDefinition(this)), StringComparer.Ordinal);
}
