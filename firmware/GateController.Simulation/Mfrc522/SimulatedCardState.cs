namespace GateController.Simulation.Mfrc522;

/// <summary>ISO/IEC 14443-3 PICC states (§6.2, figure "PICC type A state diagram").</summary>
public enum SimulatedCardState
{
    /// <summary>Powered by the field, waiting for REQA or WUPA.</summary>
    Idle = 0,

    /// <summary>Answered REQA/WUPA; taking part in anticollision.</summary>
    Ready = 1,

    /// <summary>Selected.</summary>
    Active = 2,

    /// <summary>Halted by HLTA; answers only WUPA.</summary>
    Halt = 3,
}
