namespace GateController.Core.Door;

/// <summary>How the lock behaves without power; decides the relay polarity.</summary>
public enum LockType
{
    /// <summary>
    /// Unlocks when power is lost (typically a magnetic lock): the relay is energised to lock.
    /// </summary>
    FailSafe = 0,

    /// <summary>
    /// Stays locked when power is lost (typically an electric strike or motor lock): the relay is energised to unlock.
    /// </summary>
    FailSecure = 1,
}
