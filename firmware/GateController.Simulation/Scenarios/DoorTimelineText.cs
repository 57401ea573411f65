using GateController.Core.Door;

namespace GateController.Simulation.Scenarios;

/// <summary>Door events and outputs in words for the timeline.</summary>
internal static class DoorTimelineText
{
    public static string Describe(DoorEvent doorEvent) => doorEvent.Kind switch
    {
        DoorEventKind.Unlocked => $"unlocked ({Words(doorEvent.Cause)}, {doorEvent.Duration.TotalSeconds:0.#} s pulse)",
        DoorEventKind.Relocked => $"relocked ({Words(doorEvent.Cause)})",
        DoorEventKind.Opened => "door open",
        DoorEventKind.Closed => "door closed",
        DoorEventKind.HeldOpen => "HELD-OPEN alarm",
        DoorEventKind.Forced => "FORCED-DOOR alarm",
        DoorEventKind.FireReleaseStarted => "fire release: door held unlocked",
        DoorEventKind.FireReleaseEnded => "fire release ended",
        DoorEventKind.Tamper => "TAMPER alarm",
        DoorEventKind.TamperCleared => "tamper cleared",
        DoorEventKind.ManualRelease => $"manual release for {doorEvent.Duration.TotalSeconds:0.#} s",
        _ => doorEvent.Kind.ToString(),
    };

    public static string Describe(DoorOutputs outputs)
    {
        var leds = (outputs.GreenLed, outputs.RedLed) switch
        {
            (true, true) => "green+red",
            (true, false) => "green",
            (false, true) => "red",
            _ => "dark",
        };
        var buzzer = outputs.Buzzer switch
        {
            BuzzerPattern.None => "silent",
            BuzzerPattern.Granted => "granted",
            BuzzerPattern.Denied => "denied",
            BuzzerPattern.Alarm => "alarm",
            BuzzerPattern.LockedOut => "locked out",
            BuzzerPattern.Prompt => "confirm?",
            BuzzerPattern.Confirmed => "confirmed",
            _ => outputs.Buzzer.ToString(),
        };
        return $"[relay {(outputs.RelayEnergised ? "on" : "off")} · {leds} · buzzer {buzzer}]";
    }

    private static string Words(DoorEventCause cause) => cause switch
    {
        DoorEventCause.Grant => "grant",
        DoorEventCause.ExitButton => "exit button",
        DoorEventCause.PulseElapsed => "pulse elapsed",
        DoorEventCause.DoorClosed => "door closed",
        DoorEventCause.ManualReleaseElapsed => "manual release elapsed",
        DoorEventCause.FireAlarmCleared => "fire alarm cleared",
        DoorEventCause.OperatorRelock => "operator",
        _ => "none",
    };
}
