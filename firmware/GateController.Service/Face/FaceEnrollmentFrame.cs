namespace GateController.Service.Face;

/// <summary>What live enrolment made of one camera frame: accepted, or the reason it was refused. No pixels.</summary>
/// <param name="Number">The frame's number in this enrolment, from 1.</param>
/// <param name="Accepted">Whether it was one of the good frames.</param>
/// <param name="Reason">Why it was refused ("no face found", "face rejected: TooDark", …), or null when accepted.</param>
public sealed record FaceEnrollmentFrame(int Number, bool Accepted, string? Reason);
