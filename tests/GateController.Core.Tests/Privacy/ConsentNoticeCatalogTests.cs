using GateController.Core.Privacy;

namespace GateController.Core.Tests.Privacy;

public sealed class ConsentNoticeCatalogTests
{
    private static readonly ConsentNotice OldZh = NoticeFixtures.Notice("2025-01", "zh", NoticeFixtures.CompleteText() + "\nold");
    private static readonly ConsentNotice NewZh = NoticeFixtures.Notice("2026-01", "zh");
    private static readonly ConsentNotice NewEn = NoticeFixtures.Notice("2026-01", "en", NoticeFixtures.CompleteText() + "\nEnglish");

    [Fact]
    public void TryCreate_ValidNotices_CurrentAreTheCurrentVersion()
    {
        Assert.True(ConsentNoticeCatalog.TryCreate([OldZh, NewZh, NewEn], "2026-01", out var catalog, out var problems));

        Assert.Empty(problems);
        Assert.Equal([NewZh, NewEn], catalog!.Current);
        Assert.Same(NewEn, catalog.FindCurrent("EN"));
        Assert.Null(catalog.FindCurrent("fr"));
        Assert.Same(OldZh, catalog.FindNamedBy(PrivacyFixtures.Consent(OldZh)));
        Assert.Same(NewZh, catalog.Find("2026-01", NewZh.Sha256));
        Assert.Null(catalog.Find("2026-01", OldZh.Sha256));
    }

    [Fact]
    public void TryCreate_NoticeMissingItems_FalseNothingBuiltEveryItemNamed()
    {
        var incomplete = NoticeFixtures.Notice("2026-01", "en", NoticeFixtures.CompleteText(["retention", "withdrawal"]));

        Assert.False(ConsentNoticeCatalog.TryCreate([NewZh, incomplete], "2026-01", out var catalog, out var problems));

        Assert.Null(catalog);
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains("{#retention}", StringComparison.Ordinal) && p.Contains("(en)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("{#withdrawal}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2027-01", "no notice text has that version")]
    [InlineData("", "must not be empty")]
    [InlineData("a b", "may only hold")]
    public void TryCreate_BadCurrentVersion_FalseNamingIt(string version, string reason)
    {
        Assert.False(ConsentNoticeCatalog.TryCreate([NewZh], version, out _, out var problems));

        Assert.Contains(reason, Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void TryCreate_SameVersionAndLanguageTwice_False()
    {
        var edited = NoticeFixtures.Notice("2026-01", "zh", NoticeFixtures.CompleteText() + "\nedited");

        Assert.False(ConsentNoticeCatalog.TryCreate([NewZh, edited], "2026-01", out _, out var problems));

        Assert.Contains("configured 2 times", Assert.Single(problems), StringComparison.Ordinal);
    }
}
