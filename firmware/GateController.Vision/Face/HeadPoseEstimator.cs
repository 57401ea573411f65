using System.Numerics;

namespace GateController.Vision.Face;

/// <summary>
/// Estimates yaw, pitch and roll from five landmarks for quality gating (not for measurement). The model is an
/// average face seen in orthographic projection, in units of half the eye distance: eyes at (±1, 0, 0), nose
/// tip at (0, 1.14, 0.9) — 0.9 in front of the eye plane — and the mouth centre at (0, 2.31, 0), the proportions of
/// the ArcFace reference points. After removing roll, the nose's sideways offset from the eye midpoint over the half
/// eye distance is 0.9·tan(yaw); its height between the eye line and the mouth, relative to the frontal 0.495, is
/// −(0.9/2.31)·cos(yaw)·tan(pitch). Exact for the model face; real faces differ from it by some degrees.
/// </summary>
public static class HeadPoseEstimator
{
    internal const double NoseDepth = 0.9;
    internal const double NoseDrop = 1.143;
    internal const double MouthDrop = 2.309;

    /// <summary>The pose of a face from its five landmarks.</summary>
    public static HeadPose Estimate(FivePointLandmarks landmarks)
    {
        // Eyes and mouth lie in one plane of the model, so the eye-midpoint-to-mouth-midpoint axis stays upright
        // in the image under yaw and pitch (the eye line does not: turned and nodded, it tilts); roll is its angle.
        var eyeMid = (landmarks.LeftEye + landmarks.RightEye) / 2;
        var mouthMid = (landmarks.LeftMouth + landmarks.RightMouth) / 2;
        var vertical = mouthMid - eyeMid;
        if (vertical.Length() < 1e-6)
        {
            return new HeadPose(double.NaN, double.NaN, double.NaN);
        }

        var roll = Math.Atan2(-vertical.X, vertical.Y);
        var halfEyeDistance = Math.Abs(Unroll(landmarks.RightEye - landmarks.LeftEye, roll).X) / 2;
        var nose = Unroll(landmarks.Nose - eyeMid, roll);
        var mouth = Unroll(vertical, roll);
        if (halfEyeDistance < 1e-6)
        {
            return new HeadPose(double.NaN, double.NaN, roll * 180 / Math.PI);
        }

        var yaw = Math.Atan(nose.X / halfEyeDistance / NoseDepth);
        var pitch = Math.Atan(((NoseDrop / MouthDrop) - (nose.Y / mouth.Y)) / (NoseDepth / MouthDrop * Math.Cos(yaw)));
        return new HeadPose(yaw * 180 / Math.PI, pitch * 180 / Math.PI, roll * 180 / Math.PI);
    }

    private static Vector2 Unroll(Vector2 v, double roll)
    {
        double c = Math.Cos(-roll), s = Math.Sin(-roll);
        return new Vector2((float)((c * v.X) - (s * v.Y)), (float)((s * v.X) + (c * v.Y)));
    }
}
