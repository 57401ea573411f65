namespace GateController.Hardware.Door;

/// <summary>What the lock does without power; decides which relay state releases it.</summary>
public enum LockFailMode
{
    /// <summary>Locked without power (electric strike, motor lock): energising the relay releases the door.</summary>
    FailSecure = 0,

    /// <summary>Released without power (magnetic lock): energising the relay holds the door locked.</summary>
    FailSafe = 1,
}
