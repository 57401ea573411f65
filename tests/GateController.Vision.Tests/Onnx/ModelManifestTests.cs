using GateController.Vision.Onnx;

namespace GateController.Vision.Tests.Onnx;

public sealed class ModelManifestTests
{
    public static TheoryData<string> Models => new(OnnxTestEnvironment.ModelNames);

    [Theory]
    [MemberData(nameof(Models))]
    public void InstalledModel_MatchesPinnedSha256(string name)
    {
        var entry = OnnxTestEnvironment.Manifest[name];

        var exception = Record.Exception(() => OnnxModelFile.Verify(OnnxTestEnvironment.ModelPath(name), entry.InstalledSha256));

        Assert.Null(exception);
    }

    [Fact]
    public void Manifest_FeatureModel_IsPreparedWithItsOwnDigest()
    {
        var feature = OnnxTestEnvironment.Manifest["fr_feature"];

        Assert.NotNull(feature.PreparedSha256);
        Assert.NotEqual(feature.Sha256, feature.PreparedSha256);
        Assert.Equal(feature.PreparedSha256, feature.InstalledSha256);
        Assert.Equal(feature.Sha256, OnnxModelFile.ComputeSha256(OnnxTestEnvironment.OriginalModelPath("fr_feature")));
    }

    [Fact]
    public void Indexer_UnknownModel_ThrowsNamingIt()
    {
        var exception = Assert.Throws<KeyNotFoundException>(() => OnnxTestEnvironment.Manifest["fr_age"]);

        Assert.Contains("fr_age", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BrokenJson_ThrowsInvalidDataNamingFile()
    {
        using var directory = new TemporaryDirectory();
        var path = Path.Combine(directory.Path, "manifest.json");
        File.WriteAllText(path, """{ "models": [ { "name": "x" } ] }""");

        var exception = Assert.Throws<InvalidDataException>(() => ModelManifest.Load(path));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_WrongDigest_ThrowsIntegrityException()
    {
        var path = OnnxTestEnvironment.ModelPath("fr_eye");

        var exception = Assert.Throws<OnnxModelIntegrityException>(() => OnnxModelFile.Verify(path, new string('0', 64)));

        Assert.Equal(path, exception.ModelPath);
        Assert.Equal(OnnxTestEnvironment.Manifest["fr_eye"].Sha256, exception.ActualSha256);
    }
}
