namespace GateController.Core.Residents;

/// <summary>A person who lives in the community, as the property office recorded them.</summary>
/// <param name="Id">Pseudonymous identifier; the only identity that leaves the store.</param>
/// <param name="Name">Display name, kept on the unit only.</param>
/// <param name="Room">Building and room, for example "3-201"; optional.</param>
/// <param name="Status">Active or moved out.</param>
/// <param name="IsMinor">Minors need a guardian's consent for face and default to face off.</param>
public sealed record Resident(ResidentId Id, string Name, string? Room, ResidentStatus Status, bool IsMinor);
