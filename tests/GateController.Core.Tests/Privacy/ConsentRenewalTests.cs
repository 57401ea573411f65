using GateController.Core.Consents;
using GateController.Core.Privacy;

namespace GateController.Core.Tests.Privacy;

public sealed class ConsentRenewalTests
{
    private static readonly DateTimeOffset Now = PrivacyFixtures.GivenAt.AddDays(30);
    private static readonly ConsentNotice OldZh = NoticeFixtures.Notice("2025-01", "zh", NoticeFixtures.CompleteText() + "\nold");
    private static readonly ConsentNotice NewZh = NoticeFixtures.Notice("2026-01", "zh");
    private static readonly ConsentNotice NewEn = NoticeFixtures.Notice("2026-01", "en", NoticeFixtures.CompleteText() + "\nEnglish");

    [Fact]
    public void Evaluate_ConsentUnderCurrentNotice_Current()
    {
        var check = ConsentRenewal.Evaluate(PrivacyFixtures.Consent(NewEn), [NewZh, NewEn], Now);

        Assert.Equal(ConsentRenewalReason.Current, check.Reason);
        Assert.False(check.NeedsRenewal);
    }

    [Fact]
    public void Evaluate_ConsentUnderOlderVersion_NeedsRenewalNamingBoth()
    {
        var check = ConsentRenewal.Evaluate(PrivacyFixtures.Consent(OldZh), [NewZh, NewEn], Now);

        Assert.Equal(ConsentRenewalReason.OtherNoticeVersion, check.Reason);
        Assert.True(check.NeedsRenewal);
        Assert.Contains("2025-01", check.Message, StringComparison.Ordinal);
        Assert.Contains("2026-01", check.Message, StringComparison.Ordinal);
        Assert.Contains("R0042", check.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("张三", check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SameVersionEditedText_NeedsRenewal()
    {
        var consent = PrivacyFixtures.Consent(NewZh) with { NoticeSha256 = OldZh.Sha256 };

        var check = ConsentRenewal.Evaluate(consent, [NewZh], Now);

        Assert.Equal(ConsentRenewalReason.NoticeTextChanged, check.Reason);
        Assert.True(check.NeedsRenewal);
    }

    [Fact]
    public void Evaluate_WithdrawnConsent_NothingToRenew()
    {
        var consent = PrivacyFixtures.Consent(OldZh).Withdraw(Now.AddDays(-1), ConsentChannel.Gate);

        var check = ConsentRenewal.Evaluate(consent, [NewZh], Now);

        Assert.Equal(ConsentRenewalReason.Withdrawn, check.Reason);
        Assert.False(check.NeedsRenewal);
    }

    [Fact]
    public void FindNeedingRenewal_Mixed_OnlyOldActiveOnes()
    {
        var old = PrivacyFixtures.Consent(OldZh);
        var current = PrivacyFixtures.Consent(NewZh, PrivacyFixtures.Minor, "王芳");
        var withdrawn = PrivacyFixtures.Consent(OldZh, PrivacyFixtures.Minor).Withdraw(Now, ConsentChannel.Office);

        var needing = ConsentRenewal.FindNeedingRenewal([old, current, withdrawn], [NewZh, NewEn], Now);

        Assert.Equal(PrivacyFixtures.Adult.Id, Assert.Single(needing).ResidentId);
    }

    [Fact]
    public void Evaluate_NoCurrentNotice_Throws()
    {
        Assert.Throws<ArgumentException>(() => ConsentRenewal.Evaluate(PrivacyFixtures.Consent(NewZh), [], Now));
    }
}
