using GateController.Core.Consents;
using GateController.Core.Privacy;
using GateController.Core.Residents;

namespace GateController.Core.Tests.Privacy;

public sealed class FaceEnrollmentEligibilityTests
{
    private static readonly ConsentNotice Current = NoticeFixtures.Notice("2026-01");
    private static readonly ConsentNotice Old = NoticeFixtures.Notice("2025-01", text: NoticeFixtures.CompleteText() + "\nold");
    private static readonly DateTimeOffset Now = PrivacyFixtures.GivenAt.AddDays(1);

    [Fact]
    public void Check_AdultWithCurrentConsent_Allowed()
    {
        var consent = PrivacyFixtures.Consent(Current);

        var check = FaceEnrollmentEligibility.Check(PrivacyFixtures.Adult, [consent], [Current], Now);

        Assert.True(check.IsAllowed);
        Assert.Same(consent, check.Consent);
        Assert.Null(check.Error);
    }

    [Fact]
    public void Check_NoConsent_RefusedNamingResident()
    {
        var check = FaceEnrollmentEligibility.Check(PrivacyFixtures.Adult, [], [Current], Now);

        Assert.False(check.IsAllowed);
        Assert.Equal("resident R0042 has no active face consent; record a separate consent first (PIPL art. 29)", check.Error);
    }

    [Fact]
    public void Check_WithdrawnOrFutureOrOtherResidentsConsent_Refused()
    {
        var withdrawn = PrivacyFixtures.Consent(Current).Withdraw(Now.AddHours(-1), ConsentChannel.Gate);
        var future = PrivacyFixtures.Consent(Current) with { GivenAt = Now.AddHours(1) };
        var others = PrivacyFixtures.Consent(Current, PrivacyFixtures.Minor, "王芳");

        var check = FaceEnrollmentEligibility.Check(PrivacyFixtures.Adult, [withdrawn, future, others], [Current], Now);

        Assert.False(check.IsAllowed);
        Assert.Contains("no active face consent", check.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(" ", false)]
    [InlineData("王芳", true)]
    public void Check_Minor_NeedsGuardianOnTheConsent(string? guardian, bool allowed)
    {
        var check = FaceEnrollmentEligibility.Check(PrivacyFixtures.Minor, [PrivacyFixtures.Consent(Current, PrivacyFixtures.Minor, guardian)], [Current], Now);

        Assert.Equal(allowed, check.IsAllowed);
        if (!allowed)
        {
            Assert.Contains("R0043 is a minor", check.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Check_ConsentUnderOldNotice_RefusedUntilRenewed()
    {
        var check = FaceEnrollmentEligibility.Check(PrivacyFixtures.Adult, [PrivacyFixtures.Consent(Old)], [Current], Now);

        Assert.False(check.IsAllowed);
        Assert.Contains("notice 2025-01", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MovedOut_Refused()
    {
        var movedOut = PrivacyFixtures.Adult with { Status = ResidentStatus.MovedOut };

        var check = FaceEnrollmentEligibility.Check(movedOut, [PrivacyFixtures.Consent(Current)], [Current], Now);

        Assert.False(check.IsAllowed);
        Assert.Contains("moved out", check.Error, StringComparison.Ordinal);
    }
}
