using System.Numerics;
using GateController.Vision.Face;
using GateController.Vision.Imaging;

namespace GateController.Vision.Tests.Face;

public sealed class HeadPoseEstimatorTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(15, 0)]
    [InlineData(-30, 0)]
    [InlineData(45, 0)]
    [InlineData(0, 20)]
    [InlineData(0, -25)]
    public void Estimate_ProjectedModelFace_RecoversYawAndPitch(double yaw, double pitch)
    {
        var landmarks = Project(yaw, pitch, scale: 40, roll: 0, offset: new Vector2(320, 240));
        var pose = HeadPoseEstimator.Estimate(landmarks);
        Assert.InRange(pose.YawDegrees, yaw - 3, yaw + 3);
        Assert.InRange(pose.PitchDegrees, pitch - 4, pitch + 4);
    }

    [Theory]
    [InlineData(20, 15)]
    [InlineData(-25, -15)]
    public void Estimate_CombinedYawAndPitch_RecoversBoth(double yaw, double pitch)
    {
        // Turned and nodded at once, the eye line tilts in the image; the upright eye–mouth axis keeps roll at 0.
        var pose = HeadPoseEstimator.Estimate(Project(yaw, pitch, scale: 40, roll: 0, offset: new Vector2(320, 240)));
        Assert.InRange(pose.YawDegrees, yaw - 1, yaw + 1);
        Assert.InRange(pose.PitchDegrees, pitch - 1, pitch + 1);
        Assert.InRange(pose.RollDegrees, -1, 1);
    }

    [Theory]
    [InlineData(25)]
    [InlineData(-40)]
    public void Estimate_InPlaneRotation_ReportsRollAndKeepsYaw(double roll)
    {
        var landmarks = Project(20, 0, scale: 30, roll: roll, offset: new Vector2(100, 100));
        var pose = HeadPoseEstimator.Estimate(landmarks);
        Assert.InRange(pose.RollDegrees, roll - 0.5, roll + 0.5);
        Assert.InRange(pose.YawDegrees, 17, 23);
    }

    [Fact]
    public void Estimate_ArcFaceReference_IsFrontal()
    {
        var pose = HeadPoseEstimator.Estimate(ArcFaceAlignment.Reference);
        Assert.InRange(pose.YawDegrees, -1, 1);
        Assert.InRange(pose.PitchDegrees, -1, 1);
        Assert.InRange(pose.RollDegrees, -1, 1);
    }

    [Fact]
    public void Estimate_CoincidentEyes_ReturnsNaN()
    {
        var p = new Vector2(5, 5);
        Assert.True(double.IsNaN(HeadPoseEstimator.Estimate(new FivePointLandmarks(p, p, p, p, p)).YawDegrees));
    }

    /// <summary>The estimator's model face, rotated (yaw about the vertical, then pitch), projected orthographically.</summary>
    internal static FivePointLandmarks Project(double yawDegrees, double pitchDegrees, double scale, double roll, Vector2 offset)
    {
        double yaw = yawDegrees * Math.PI / 180, pitch = pitchDegrees * Math.PI / 180;
        Vector2 P(double x, double y, double z)
        {
            // yaw: x' = x cos + z sin, z' = −x sin + z cos; pitch (chin up positive): y'' = y cos − z' sin
            var x1 = (x * Math.Cos(yaw)) + (z * Math.Sin(yaw));
            var z1 = (-x * Math.Sin(yaw)) + (z * Math.Cos(yaw));
            var y1 = (y * Math.Cos(pitch)) - (z1 * Math.Sin(pitch));
            return new Vector2((float)(x1 * scale), (float)(y1 * scale));
        }

        var face = new FivePointLandmarks(P(-1, 0, 0), P(1, 0, 0), P(0, 1.143, 0.9), P(-0.828, 2.309, 0), P(0.828, 2.309, 0));
        var place = AffineTransform.CreateSimilarity(1, roll * Math.PI / 180, Vector2.Zero).Then(AffineTransform.CreateTranslation(offset.X, offset.Y));
        return face.Transform(place);
    }
}
