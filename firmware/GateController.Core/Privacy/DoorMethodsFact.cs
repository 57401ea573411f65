namespace GateController.Core.Privacy;

/// <summary>A door's enabled methods as reported.</summary>
/// <param name="Door">The door id.</param>
/// <param name="Methods">The enabled methods' names.</param>
/// <param name="HasNonFaceMethod">True when a card, PIN or visitor code opens the door without a face (rule P1).</param>
public sealed record DoorMethodsFact(string Door, IReadOnlyList<string> Methods, bool HasNonFaceMethod);
