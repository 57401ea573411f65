namespace GateController.Service.Admin;

/// <summary>The door path's manual release (rule P15), as the admin API reaches it.</summary>
public interface IManualDoorRelease
{
    /// <summary>Releases the door for <paramref name="duration"/>; throws <see cref="IOException"/> on a door fault.</summary>
    Task ReleaseAsync(TimeSpan duration, CancellationToken cancellationToken);
}
