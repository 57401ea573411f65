namespace GateController.Simulation.Scenarios;

/// <summary>An alarm a scenario step expects its access decision to raise.</summary>
public enum ScenarioAlarm
{
    /// <summary>No alarm.</summary>
    None = 0,

    /// <summary>The keypad locked after too many wrong PINs or codes.</summary>
    KeypadLockedOut = 1,

    /// <summary>A silent duress alarm: the door opened on a duress PIN.</summary>
    Duress = 2,
}
