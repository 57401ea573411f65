using System.Globalization;
using GateController.Core.Events;

namespace GateController.Simulation.Scenarios;

/// <summary>Access alarms in words for the timeline; they name a resident id at most.</summary>
internal static class AlarmText
{
    public static string Describe(AccessEvent alarm) => alarm switch
    {
        KeypadLockedOut locked => string.Create(
            CultureInfo.InvariantCulture,
            $"ALARM keypad \"{locked.KeypadId}\" locked out after {locked.WrongAttempts} wrong attempts, for {(locked.LockedUntil - locked.OccurredAt).TotalSeconds:0.#} s"),
        DuressAlarmRaised duress => $"SILENT DURESS alarm for {duress.ResidentId} (sent to the guard room; no local signal)",
        _ => alarm.GetType().Name,
    };

    public static ScenarioAlarm Kind(IReadOnlyList<AccessEvent> alarms) =>
        alarms.Count == 0 ? ScenarioAlarm.None
        : alarms[0] is KeypadLockedOut ? ScenarioAlarm.KeypadLockedOut
        : alarms[0] is DuressAlarmRaised ? ScenarioAlarm.Duress
        : ScenarioAlarm.None;
}
