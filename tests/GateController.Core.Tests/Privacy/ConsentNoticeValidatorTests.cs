using GateController.Core.Privacy;

namespace GateController.Core.Tests.Privacy;

public sealed class ConsentNoticeValidatorTests
{
    public static TheoryData<string> RequirementIds()
    {
        var data = new TheoryData<string>();
        foreach (var requirement in ConsentNoticeRequirement.All)
        {
            data.Add(requirement.Id);
        }

        return data;
    }

    [Fact]
    public void Validate_CompleteNotice_NoProblem()
    {
        var notice = NoticeFixtures.Notice();

        Assert.Empty(ConsentNoticeValidator.Validate(notice));
        Assert.Empty(ConsentNoticeValidator.FindMissing(notice));
    }

    [Fact]
    public void Requirements_CoverArticle17And30_NineDistinctIds()
    {
        Assert.Equal(Enum.GetValues<ConsentNoticeSection>().Length, ConsentNoticeRequirement.All.Count);
        Assert.Equal(ConsentNoticeRequirement.All.Count, ConsentNoticeRequirement.All.Select(r => r.Id).Distinct().Count());
        Assert.Contains(ConsentNoticeRequirement.All, r => r.Source.Contains("art. 30", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RequirementIds))]
    public void Validate_OneSectionMissing_OneMessageNamingIt(string id)
    {
        var notice = NoticeFixtures.Notice(text: NoticeFixtures.CompleteText([id]));
        var requirement = ConsentNoticeRequirement.All.Single(r => r.Id == id);

        var problem = Assert.Single(ConsentNoticeValidator.Validate(notice));
        Assert.Contains($"missing section {{#{id}}}", problem, StringComparison.Ordinal);
        Assert.Contains(requirement.EnglishHeading, problem, StringComparison.Ordinal);
        Assert.Contains(requirement.ChineseHeading, problem, StringComparison.Ordinal);
        Assert.Equal([requirement.Section], ConsentNoticeValidator.FindMissing(notice));
    }

    [Fact]
    public void Validate_NoMarkers_EveryItemNamedOnce()
    {
        var notice = NoticeFixtures.Notice(text: "# Notice\nWe use your face.\n## Purpose\nOpening the door.");

        var problems = ConsentNoticeValidator.Validate(notice);

        Assert.Equal(ConsentNoticeRequirement.All.Count, problems.Count);
        foreach (var requirement in ConsentNoticeRequirement.All)
        {
            Assert.Single(problems, p => p.Contains($"{{#{requirement.Id}}}", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Validate_EmptySection_NamesItAsEmpty()
    {
        var text = NoticeFixtures.CompleteText().Replace("Text about Retention period.", "   ", StringComparison.Ordinal);

        var problem = Assert.Single(ConsentNoticeValidator.Validate(NoticeFixtures.Notice(text: text)));

        Assert.Contains("{#retention}", problem, StringComparison.Ordinal);
        Assert.Contains("has no text", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RepeatedSection_NamesItAndItsLines()
    {
        var text = NoticeFixtures.CompleteText() + "\n## Again {#purpose}\nMore purpose.\n";

        var problem = Assert.Single(ConsentNoticeValidator.Validate(NoticeFixtures.Notice(text: text)));

        Assert.Contains("{#purpose}", problem, StringComparison.Ordinal);
        Assert.Contains("appears 2 times", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("### 保存期限 {#retention}")]
    [InlineData("##保存期限 {#retention}")]
    [InlineData("## 保存期限 {#Retention}")]
    [InlineData("## 保存期限 {retention}")]
    [InlineData("## 保存期限 {#retention} trailing")]
    [InlineData("Text {#retention}")]
    public void Validate_MarkerNotOnALevelTwoHeadingEnd_DoesNotCount(string line)
    {
        var text = NoticeFixtures.CompleteText(["retention"]) + $"\n{line}\nKept 365 days.\n";

        var problem = Assert.Single(ConsentNoticeValidator.Validate(NoticeFixtures.Notice(text: text)));

        Assert.Contains("missing section {#retention}", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LevelThreeHeadingInsideSection_BelongsToBody()
    {
        var text = NoticeFixtures.CompleteText(["rights"]) + "\n## Rights {#rights}\n### Copy\n";

        Assert.Empty(ConsentNoticeValidator.Validate(NoticeFixtures.Notice(text: text)));
    }

    [Fact]
    public void ReadSectionIds_CrLfText_ReadsMarkersInOrder()
    {
        Assert.Equal(["purpose", "extra"], ConsentNoticeValidator.ReadSectionIds("## P {#purpose}\r\ntext\r\n## E {#extra}  \r\nmore"));
    }

    [Theory]
    [InlineData("consent-notice.zh.md", "zh")]
    [InlineData("consent-notice.en.md", "en")]
    public void Validate_RepositoryTemplates_CoverEveryItem(string file, string language)
    {
        var text = File.ReadAllText(RepositoryLayout.Combine("hardware-docs", file));
        var notice = new ConsentNotice("template", language, text);

        Assert.Empty(ConsentNoticeValidator.Validate(notice));
        Assert.Contains("consent", ConsentNoticeValidator.ReadSectionIds(text));
        Assert.Contains("*7#", notice.Text, StringComparison.Ordinal);
        Assert.Contains("365", notice.Text, StringComparison.Ordinal);
    }
}
