using GateController.Core.Consents;
using GateController.Core.Privacy;

namespace GateController.Core.Tests.Privacy;

public sealed class ConsentNoticeTests
{
    [Theory]
    [InlineData("a\nb", "a\nb")]
    [InlineData("a\r\nb", "a\nb")]
    [InlineData("a\rb", "a\nb")]
    [InlineData("a\r\n\r\nb\r", "a\n\nb\n")]
    [InlineData("\uFEFFa\r\nb", "a\nb")]
    [InlineData("\uFEFFab", "ab")]
    [InlineData("a \t\n", "a \t\n")]
    public void Normalize_LineEndingsAndBom_BecomeLfWithoutBom(string text, string expected)
    {
        Assert.Equal(expected, ConsentNotice.Normalize(text));
    }

    [Fact]
    public void Sha256_CrLfAndLfTexts_HashTheSameAsConsentRecord()
    {
        var lf = NoticeFixtures.CompleteText();
        var crlf = "\uFEFF" + lf.Replace("\n", "\r\n", StringComparison.Ordinal);

        var fromLf = NoticeFixtures.Notice(text: lf);
        var fromCrLf = NoticeFixtures.Notice(text: crlf);

        Assert.Equal(fromLf.Sha256, fromCrLf.Sha256);
        Assert.Equal(ConsentRecord.HashNotice(lf), fromLf.Sha256);
        Assert.Equal(lf, fromCrLf.Text);
        Assert.Equal(fromLf.Sha256[..16], fromLf.ShortSha256);
        Assert.NotEqual(fromLf.Sha256, NoticeFixtures.Notice(text: lf + " ").Sha256);
    }

    [Fact]
    public void Sha256_KnownText_IsUtf8Sha256()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", new ConsentNotice("v1", "en", "abc").Sha256);
    }

    [Theory]
    [InlineData("", "zh", "text")]
    [InlineData("2026 01", "zh", "text")]
    [InlineData("v/1", "zh", "text")]
    [InlineData("123456789012345678901234567890123", "zh", "text")]
    [InlineData("2026-01", "", "text")]
    [InlineData("2026-01", "z h", "text")]
    [InlineData("2026-01", "zh-", "text")]
    [InlineData("2026-01", "1zh", "text")]
    [InlineData("2026-01", "zh", "")]
    [InlineData("2026-01", "zh", " \r\n ")]
    public void Constructor_MalformedVersionLanguageOrText_Throws(string version, string language, string text)
    {
        Assert.ThrowsAny<ArgumentException>(() => new ConsentNotice(version, language, text));
    }

    [Fact]
    public void IsNamedBy_SameVersionAndHashOnly_True()
    {
        var notice = NoticeFixtures.Notice();
        var consent = PrivacyFixtures.Consent(notice);

        Assert.True(notice.IsNamedBy(consent));
        Assert.False(notice.IsNamedBy(consent with { NoticeVersion = "2025-01" }));
        Assert.False(notice.IsNamedBy(consent with { NoticeSha256 = new string('0', 64) }));
    }
}
