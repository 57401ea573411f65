using GateController.Core.Access;

namespace GateController.Core.Privacy;

/// <summary>A door and the access methods its policy enables (input to <see cref="PrivacyImpactFacts"/>).</summary>
/// <param name="Door">The door.</param>
/// <param name="Methods">The enabled methods.</param>
public sealed record PrivacyImpactDoor(DoorId Door, AccessMethods Methods);
