using System.Text.Json;
using System.Text.Json.Nodes;
using GateController.Core.Residents;

namespace GateController.Cli.Tests.Face;

/// <summary>gatectl face … end to end through the real socket, with the real models and the demo photos.</summary>
public sealed class FaceCommandTests(FaceServiceFixture fixture) : IClassFixture<FaceServiceFixture>
{
    private const string O = "--operator";

    private AdminFixture Unit => fixture.Unit;

    [Fact]
    public async Task Enroll_WithoutConsent_RefusedNamingResidentAndNothingStored()
    {
        await AddResidentAsync("F0001", consent: false);

        var (status, _, error) = await Unit.GatectlAsync("face", "enroll", "--resident", "F0001", "--photo", fixture.SingleFacePhoto, O, AdminFixture.Office);

        Assert.Equal(GatectlCommandLine.ExitFailure, status);
        Assert.Contains("F0001", error, StringComparison.Ordinal);
        Assert.Contains("no active face consent", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
        Assert.Empty(Unit.Store.ListFaceTemplates(ResidentId.Parse("F0001")));
        Assert.Contains(Unit.Store.ReadAudit(1, 10_000), e => e.Detail != null && e.Detail.Contains("refused face.enroll", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Identify_AfterConsentedEnrolment_MatchesUntilConsentWithdrawn()
    {
        await AddResidentAsync("F0002", consent: true);
        try
        {
            var enrolled = await Unit.GatectlAsync("face", "enroll", "--resident", "F0002", "--photo", fixture.SingleFacePhoto, O, AdminFixture.Office);
            Assert.True(enrolled.Status == 0, enrolled.Error);
            Assert.Single(Unit.Store.ListFaceTemplates(ResidentId.Parse("F0002")));

            var same = await IdentifyJsonAsync(fixture.SingleFacePhoto);
            Assert.True(same["match"]!.GetValue<bool>(), same.ToJsonString());
            Assert.Equal("F0002", same["resident"]!.GetValue<string>());
            Assert.Equal(1, same["faces"]!.GetValue<int>());
            Assert.InRange(same["score"]!.GetValue<double>(), 0.9, 1.0);

            // A different person: the largest face of sample5.jpg, a photo of five other people.
            var other = await IdentifyJsonAsync(RepositoryLayout.Photo(5));
            Assert.False(other["match"]!.GetValue<bool>(), other.ToJsonString());
            Assert.Null(other["resident"]);
            Assert.Equal(5, other["faces"]!.GetValue<int>());

            var withdrawn = await Unit.GatectlAsync("consent", "withdraw", "--resident", "F0002", O, AdminFixture.Office);
            Assert.True(withdrawn.Status == 0, withdrawn.Error);

            var after = await IdentifyJsonAsync(fixture.SingleFacePhoto);
            Assert.False(after["match"]!.GetValue<bool>(), after.ToJsonString());
            Assert.Null(after["resident"]);
            Assert.Empty(Unit.Store.ListFaceTemplates(ResidentId.Parse("F0002")));
        }
        finally
        {
            await Unit.GatectlAsync("face", "remove", "--resident", "F0002", O, AdminFixture.Office);
        }
    }

    [Fact]
    public async Task IdentifyJson_EnrolledFace_ExactlyFacesMatchResidentScore()
    {
        await AddResidentAsync("F0003", consent: true);
        try
        {
            var enrolled = await Unit.GatectlAsync("face", "enroll", "--resident", "F0003", "--photo", fixture.SingleFacePhoto, O, AdminFixture.Office);
            Assert.True(enrolled.Status == 0, enrolled.Error);

            var (status, output, error) = await Unit.GatectlAsync("face", "identify", "--photo", fixture.SingleFacePhoto, "--json", O, AdminFixture.Installer);

            Assert.True(status == 0, error);
            var document = JsonNode.Parse(output)!.AsObject();
            Assert.Equal(["faces", "match", "resident", "score"], document.Select(p => p.Key).Order(StringComparer.Ordinal));
            Assert.Equal(JsonValueKind.Number, document["faces"]!.GetValueKind());
            Assert.Equal(JsonValueKind.True, document["match"]!.GetValueKind());
            Assert.Equal("F0003", document["resident"]!.GetValue<string>());
            Assert.Equal(JsonValueKind.Number, document["score"]!.GetValueKind());
        }
        finally
        {
            await Unit.GatectlAsync("face", "remove", "--resident", "F0003", O, AdminFixture.Office);
        }
    }

    [Fact]
    public async Task Remove_EnrolledResident_DeletesTemplatesAndStopsMatching()
    {
        await AddResidentAsync("F0004", consent: true);
        var enrolled = await Unit.GatectlAsync("face", "enroll", "--resident", "F0004", "--photo", fixture.SingleFacePhoto, O, AdminFixture.Office);
        Assert.True(enrolled.Status == 0, enrolled.Error);

        var (status, output, error) = await Unit.GatectlAsync("face", "remove", "--resident", "F0004", O, AdminFixture.Office);

        Assert.True(status == 0, error);
        Assert.Contains("1 face template(s) of F0004 deleted", output, StringComparison.Ordinal);
        Assert.Empty(Unit.Store.ListFaceTemplates(ResidentId.Parse("F0004")));
        var after = await IdentifyJsonAsync(fixture.SingleFacePhoto);
        Assert.False(after["match"]!.GetValue<bool>(), after.ToJsonString());
    }

    [Fact]
    public async Task Enroll_GroupPhoto_RefusedWithFaceCountAndNothingStored()
    {
        await AddResidentAsync("F0005", consent: true);

        var (status, _, error) = await Unit.GatectlAsync("face", "enroll", "--resident", "F0005", "--photo", RepositoryLayout.Photo(5), O, AdminFixture.Office);

        Assert.Equal(GatectlCommandLine.ExitFailure, status);
        Assert.Contains("5 faces found in the photo; enrolment needs exactly one", error, StringComparison.Ordinal);
        Assert.Empty(Unit.Store.ListFaceTemplates(ResidentId.Parse("F0005")));
    }

    [Fact]
    public async Task Identify_PngFile_OneLineErrorNamingFile()
    {
        var path = Path.Combine(Unit.Directory, "probe.png");
        await File.WriteAllBytesAsync(path, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

        var (status, _, error) = await Unit.GatectlAsync("face", "identify", "--photo", path, O, AdminFixture.Installer);

        Assert.Equal(GatectlCommandLine.ExitUsage, status);
        Assert.Equal($"gatectl: photo {path} is a PNG image, not a JPEG; convert it to JPEG first", error.TrimEnd());
    }

    [Fact]
    public async Task Identify_CorruptJpeg_OneLineErrorNamingFile()
    {
        var path = Path.Combine(Unit.Directory, "corrupt.jpg");
        var bytes = await File.ReadAllBytesAsync(RepositoryLayout.Photo(1));
        await File.WriteAllBytesAsync(path, [.. bytes.AsSpan(0, 3), .. new byte[200]]);

        var (status, _, error) = await Unit.GatectlAsync("face", "identify", "--photo", path, O, AdminFixture.Installer);

        Assert.Equal(GatectlCommandLine.ExitFailure, status);
        Assert.StartsWith($"gatectl: {path}: the photo is not a usable JPEG", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Enroll_MissingFile_OneLineErrorNamingFile()
    {
        var path = Path.Combine(Unit.Directory, "absent.jpg");

        var (status, _, error) = await Unit.GatectlAsync("face", "enroll", "--resident", "F0001", "--photo", path, O, AdminFixture.Office);

        Assert.Equal(GatectlCommandLine.ExitUsage, status);
        Assert.Equal($"gatectl: photo {path} does not exist", error.TrimEnd());
    }

    [Fact]
    public async Task Status_FaceLoaded_ReportsAvailable()
    {
        var (status, output, error) = await Unit.GatectlAsync("status", O, AdminFixture.Office);

        Assert.True(status == 0, error);
        Assert.Contains("face:            available", output, StringComparison.Ordinal);
    }

    private async Task AddResidentAsync(string id, bool consent)
    {
        var added = await Unit.GatectlAsync("resident", "add", "--id", id, "--name", "Test " + id, O, AdminFixture.Office);
        Assert.True(added.Status == 0, added.Error);
        if (consent)
        {
            var given = await Unit.GatectlAsync("consent", "give", "--resident", id, "--notice-version", AdminFixture.NoticeVersion, "--form", "F-" + id, O, AdminFixture.Office);
            Assert.True(given.Status == 0, given.Error);
        }
    }

    private async Task<JsonObject> IdentifyJsonAsync(string photo)
    {
        var (status, output, error) = await Unit.GatectlAsync("face", "identify", "--photo", photo, "--json", O, AdminFixture.Installer);
        Assert.True(status == 0, error);
        return JsonNode.Parse(output)!.AsObject();
    }
}
