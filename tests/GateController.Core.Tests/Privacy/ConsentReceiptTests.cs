using GateController.Core.Consents;
using GateController.Core.Privacy;
using GateController.Core.Residents;

namespace GateController.Core.Tests.Privacy;

public sealed class ConsentReceiptTests
{
    private static readonly ConsentNotice Notice = NoticeFixtures.Notice();

    [Fact]
    public void TryCreate_NoConsent_FalseNamingTheResident()
    {
        Assert.False(ConsentReceipt.TryCreate(PrivacyFixtures.Adult, [], [Notice], PrivacyFixtures.ReceiptOptions(), out var receipt, out var error));

        Assert.Null(receipt);
        Assert.Equal("resident R0042 has no face consent", error);
    }

    [Fact]
    public void TryCreate_NoticeNotConfigured_FalseNamingVersion()
    {
        var other = NoticeFixtures.Notice("2026-02");
        var consent = new IdentifiedConsent(7, PrivacyFixtures.Consent(Notice));

        Assert.False(ConsentReceipt.TryCreate(PrivacyFixtures.Adult, [consent], [other], PrivacyFixtures.ReceiptOptions(), out _, out var error));

        Assert.Contains("notice 2026-01", error, StringComparison.Ordinal);
        Assert.Contains(Notice.ShortSha256, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCreate_ConsentOfAnotherResident_Throws()
    {
        var consent = new IdentifiedConsent(7, PrivacyFixtures.Consent(Notice, PrivacyFixtures.Minor, "王芳"));

        Assert.Throws<ArgumentException>(() => ConsentReceipt.TryCreate(PrivacyFixtures.Adult, [consent], [Notice], PrivacyFixtures.ReceiptOptions(), out _, out _));
    }

    [Fact]
    public void TryCreate_InvalidOptions_ThrowsNamingSettings()
    {
        var consent = new IdentifiedConsent(7, PrivacyFixtures.Consent(Notice));
        var options = new ConsentReceiptOptions { GateWithdrawal = new GateWithdrawalOptions { KeySequence = "12" } };

        var exception = Assert.Throws<ArgumentException>(() => ConsentReceipt.TryCreate(PrivacyFixtures.Adult, [consent], [Notice], options, out _, out _));

        Assert.Contains("ProcessorName", exception.Message, StringComparison.Ordinal);
        Assert.Contains("OfficeContact", exception.Message, StringComparison.Ordinal);
        Assert.Contains("GateWithdrawal.KeySequence", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCreate_ActiveAndWithdrawnConsents_PicksActive()
    {
        var later = PrivacyFixtures.Consent(Notice) with { GivenAt = PrivacyFixtures.GivenAt.AddDays(5) };
        var withdrawn = new IdentifiedConsent(9, later.Withdraw(PrivacyFixtures.GivenAt.AddDays(6), ConsentChannel.Gate));
        var active = new IdentifiedConsent(3, PrivacyFixtures.Consent(Notice));

        Assert.True(ConsentReceipt.TryCreate(PrivacyFixtures.Adult, [withdrawn, active], [Notice], PrivacyFixtures.ReceiptOptions(), out var receipt, out _));

        Assert.Equal(3, receipt!.Number.ConsentId);
        Assert.Contains("有效 / Active", receipt.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToText_WithdrawnOnlyConsent_PrintedAsWithdrawnInBeijingTime()
    {
        var record = PrivacyFixtures.Consent(Notice).Withdraw(new DateTimeOffset(2026, 11, 26, 23, 30, 0, TimeSpan.Zero), ConsentChannel.Gate);

        var text = Create(new IdentifiedConsent(5, record)).ToText();

        Assert.Contains("已撤回 / Withdrawn 2026-11-27 07:30:00 (北京时间 UTC+8)", text, StringComparison.Ordinal);
        Assert.Contains("门口 / at the gate", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToText_Consent_TwoCopiesWithEveryRequiredItem()
    {
        var receipt = Create(new IdentifiedConsent(123, PrivacyFixtures.Consent(Notice, PrivacyFixtures.Minor, "王芳")), PrivacyFixtures.Minor);

        var text = receipt.ToText();

        Assert.Equal(2, Count(text, "FC-0000-0123-1"));
        Assert.Equal(1, Count(text, "第一联 居民留存"));
        Assert.Equal(1, Count(text, "第二联 物业存档"));
        Assert.True(text.IndexOf("第一联", StringComparison.Ordinal) < text.IndexOf("沿此线剪开", StringComparison.Ordinal));
        Assert.True(text.IndexOf("沿此线剪开", StringComparison.Ordinal) < text.IndexOf("第二联", StringComparison.Ordinal));
        Assert.Equal(2, Count(text, Notice.Sha256));
        Assert.Equal(4, Count(text, Notice.ShortSha256));
        Assert.Equal(2, Count(text, "2026-01 (zh)"));
        Assert.Equal(4, Count(text, "F-2026-0042"));
        Assert.Equal(2, Count(text, "监护人 / Guardian: 王芳"));
        Assert.Equal(2, Count(text, "经办人 / Operator: office-li"));
        Assert.Equal(2, Count(text, "2026-11-25 10:00:00 (北京时间 UTC+8)"));
        Assert.Equal(2, Count(text, "按 *7#，再按 1 确认"));
        Assert.Equal(2, Count(text, "3号楼一层物业服务中心"));
        Assert.Equal(2, Count(text, "王小明"));
    }

    [Fact]
    public void ToText_NoGuardian_PrintsNone()
    {
        var text = Create(new IdentifiedConsent(1, PrivacyFixtures.Consent(Notice))).ToText();

        Assert.Equal(2, Count(text, "监护人 / Guardian: 无 / none"));
    }

    [Fact]
    public void ToHtml_Consent_OneA4SheetTwoCopiesSplitByDashedLineNoExternalResources()
    {
        var html = Create(new IdentifiedConsent(123, PrivacyFixtures.Consent(Notice))).ToHtml();

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("@page { size: A4", html, StringComparison.Ordinal);
        Assert.Contains("dashed", html, StringComparison.Ordinal);
        Assert.Equal(2, Count(html, "<section class=\"copy\">"));
        Assert.Equal(1, Count(html, "<div class=\"cut\">"));
        Assert.Contains("第一联 居民留存", html, StringComparison.Ordinal);
        Assert.Contains("第二联 物业存档", html, StringComparison.Ordinal);
        Assert.Equal(2, Count(html, Notice.Sha256));
        foreach (var external in new[] { "http:", "https:", "src=", "<script", "<link", "@import", "url(" })
        {
            Assert.DoesNotContain(external, html, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void ToHtml_MarkupInNames_IsEscaped()
    {
        var resident = PrivacyFixtures.Adult with { Name = "<script>alert(1)</script>", Room = "A&B" };
        var receipt = Create(new IdentifiedConsent(1, PrivacyFixtures.Consent(Notice, resident) with { Operator = "\"op\"" }), resident);

        var html = receipt.ToHtml();

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("A&amp;B", html, StringComparison.Ordinal);
        Assert.Contains("&quot;op&quot;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SameInputs_SameOutput()
    {
        var consent = new IdentifiedConsent(77, PrivacyFixtures.Consent(Notice));

        Assert.Equal(Create(consent).ToHtml(), Create(consent).ToHtml());
        Assert.Equal(Create(consent).ToText(), Create(consent).ToText());
    }

    [Fact]
    public void ToText_CustomWithdrawalKeys_PrintsThem()
    {
        var options = PrivacyFixtures.ReceiptOptions();
        options.GateWithdrawal = new GateWithdrawalOptions { KeySequence = "#0*", ConfirmationKey = 'A' };
        Assert.True(ConsentReceipt.TryCreate(PrivacyFixtures.Adult, [new IdentifiedConsent(1, PrivacyFixtures.Consent(Notice))], [Notice], options, out var receipt, out _));

        Assert.Equal(2, Count(receipt!.ToText(), "press #0*, then A to confirm"));
    }

    private static ConsentReceipt Create(IdentifiedConsent consent, Resident? resident = null)
    {
        Assert.True(ConsentReceipt.TryCreate(resident ?? PrivacyFixtures.Adult, [consent], [NoticeFixtures.Notice("2025-01"), Notice], PrivacyFixtures.ReceiptOptions(), out var receipt, out var error), error);
        return receipt!;
    }

    private static int Count(string text, string value)
    {
        var count = 0;
        for (var index = text.IndexOf(value, StringComparison.Ordinal); index >= 0; index = text.IndexOf(value, index + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
