using GateController.Service.Face;

namespace GateController.Cli.Tests.Face;

/// <summary>Without loadable models the service runs on, says why, and face commands answer with the reason.</summary>
public sealed class FaceUnavailableTests
{
    private const string O = "--operator";

    [Fact]
    public async Task FaceCommands_ModelsMissing_AnswerPipelineUnavailableWithReason()
    {
        await using var unit = new AdminFixture(face: store => FaceRecognition.Open(
            new FaceRecognitionOptions { ModelDirectory = Path.Combine(Path.GetTempPath(), "no-such-models-" + Guid.NewGuid().ToString("N")) }, store));
        Assert.False(unit.Face!.IsAvailable);
        var photo = RepositoryLayout.Photo(1);

        var identify = await unit.GatectlAsync("face", "identify", "--photo", photo, O, AdminFixture.Installer);
        var status = await unit.GatectlAsync("status", O, AdminFixture.Office);
        var added = await unit.GatectlAsync("resident", "add", "--id", "U0001", "--name", "Unit", O, AdminFixture.Office);

        Assert.Equal(GatectlCommandLine.ExitFailure, identify.Status);
        Assert.StartsWith("gatectl: face pipeline unavailable: ", identify.Error, StringComparison.Ordinal);
        Assert.Contains("manifest.json", identify.Error, StringComparison.Ordinal);
        Assert.Contains("face:            unavailable: ", status.Output, StringComparison.Ordinal);
        Assert.Equal(0, added.Status);
    }

    [Fact]
    public void Validate_BadSettings_NamesEachSetting()
    {
        var problems = new FaceRecognitionOptions { ModelDirectory = " ", ManifestPath = "", IntraOpThreadCount = 0 }.Validate();

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("Face:ModelDirectory", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Face:ManifestPath", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Face:IntraOpThreadCount", StringComparison.Ordinal));
    }
}
