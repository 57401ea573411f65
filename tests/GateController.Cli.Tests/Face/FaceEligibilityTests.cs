using GateController.Core.Consents;
using GateController.Core.Residents;
using GateController.Storage.Audit;
using GateController.Storage.Records;

namespace GateController.Cli.Tests.Face;

/// <summary>Face enrollment needs the notice in force and, for a minor, a guardian's consent; end to end with the real models.</summary>
public sealed class FaceEligibilityTests(FaceServiceFixture fixture) : IClassFixture<FaceServiceFixture>
{
    private const string O = "--operator";

    private AdminFixture Unit => fixture.Unit;

    [Fact]
    public async Task Enroll_ConsentUnderEarlierNotice_RefusedUntilRenewedThenEnrolled()
    {
        var id = ResidentId.Parse("E0001");
        await Unit.GatectlAsync("resident", "add", "--id", id.Value, "--name", "A", O, AdminFixture.Office);
        Unit.Store.RecordConsent(new ConsentGrant(id, ConsentKind.Face, "2025-06", "an earlier notice text", ConsentChannel.Office, "F-OLD", null, AdminFixture.Office));

        var refused = await Unit.GatectlAsync("face", "enroll", "--resident", id.Value, "--photo", fixture.SingleFacePhoto, O, AdminFixture.Office);

        Assert.Equal(GatectlCommandLine.ExitFailure, refused.Status);
        Assert.Contains("E0001 consented under notice 2025-06", refused.Error, StringComparison.Ordinal);
        Assert.Empty(Unit.Store.ListFaceTemplates(id));
        Assert.Contains(Unit.Store.ReadAudit(1, 10_000), e => e.Resident == id && e.Detail is { } detail && detail.StartsWith("refused face.enroll", StringComparison.Ordinal));

        await Unit.GatectlAsync("consent", "give", "--resident", id.Value, "--notice-version", AdminFixture.NoticeVersion, "--form", "F-NEW", O, AdminFixture.Office);
        var enrolled = await Unit.GatectlAsync("face", "enroll", "--resident", id.Value, "--photo", fixture.SingleFacePhoto, O, AdminFixture.Office);

        Assert.True(enrolled.Status == 0, enrolled.Error);
        var template = Assert.Single(Unit.Store.ListFaceTemplates(id));
        Assert.Equal(Unit.Store.ListConsents(id)[^1].ConsentId, template.ConsentId);
        await Unit.GatectlAsync("resident", "delete", id.Value, O, AdminFixture.Office);
    }

    [Fact]
    public async Task Enroll_ResidentMarkedMinorAfterAdultConsent_RefusedWithoutGuardian()
    {
        var id = ResidentId.Parse("E0002");
        await Unit.GatectlAsync("resident", "add", "--id", id.Value, "--name", "A", O, AdminFixture.Office);
        await Unit.GatectlAsync("consent", "give", "--resident", id.Value, "--notice-version", AdminFixture.NoticeVersion, "--form", "F-1", O, AdminFixture.Office);
        Unit.Store.TryGetResident(id, out var resident);
        Unit.Store.UpdateResident(resident with { IsMinor = true }, AdminFixture.Office);

        var (status, _, error) = await Unit.GatectlAsync("face", "enroll", "--resident", id.Value, "--photo", fixture.SingleFacePhoto, O, AdminFixture.Office);

        Assert.Equal(GatectlCommandLine.ExitFailure, status);
        Assert.Contains("E0002 is a minor", error, StringComparison.Ordinal);
        Assert.Empty(Unit.Store.ListFaceTemplates(id));
        await Unit.GatectlAsync("resident", "delete", id.Value, O, AdminFixture.Office);
    }

    [Fact]
    public async Task Enroll_MinorWithGuardianConsent_Enrolled()
    {
        var id = ResidentId.Parse("E0003");
        await Unit.GatectlAsync("resident", "add", "--id", id.Value, "--name", "A", "--minor", O, AdminFixture.Office);
        await Unit.GatectlAsync("consent", "give", "--resident", id.Value, "--notice-version", AdminFixture.NoticeVersion, "--form", "F-2", "--guardian", "监护人", O, AdminFixture.Office);

        var (status, _, error) = await Unit.GatectlAsync("face", "enroll", "--resident", id.Value, "--photo", fixture.SingleFacePhoto, O, AdminFixture.Office);

        Assert.True(status == 0, error);
        Assert.Single(Unit.Store.ListFaceTemplates(id));
        Assert.Contains(Unit.Store.ReadAudit(1, 10_000), e => e.Resident == id && e.Action == AuditAction.FaceEnrolled);
        await Unit.GatectlAsync("resident", "delete", id.Value, O, AdminFixture.Office);
    }
}
