namespace GateController.Vision.Face;

/// <summary>A coarse head orientation in degrees.</summary>
/// <param name="YawDegrees">Turn left/right; positive when the nose points to the image's right.</param>
/// <param name="PitchDegrees">Nod; positive when the face tilts up (chin raised).</param>
/// <param name="RollDegrees">In-plane tilt of the eye line; positive clockwise on screen.</param>
public readonly record struct HeadPose(double YawDegrees, double PitchDegrees, double RollDegrees);
