using GateController.Core.Privacy;

namespace GateController.Core.Tests.Privacy;

public sealed class ConsentNoticeTemplateTests
{
    public static TheoryData<string, string, string> PromisedStatements() => new()
    {
        { "consent-notice.zh.md", "no face image stored", "设备不保存任何人脸照片或视频" },
        { "consent-notice.en.md", "no face image stored", "The unit stores no face photo or video" },
        { "consent-notice.zh.md", "encrypted templates", "AES-GCM 加密保存" },
        { "consent-notice.en.md", "encrypted templates", "encrypted with AES-GCM" },
        { "consent-notice.zh.md", "on-device only", "全部处理在门口设备本机完成" },
        { "consent-notice.en.md", "on-device only", "All processing happens on the gate unit itself" },
        { "consent-notice.zh.md", "card and PIN always available", "您仍可以使用门卡或密码进出" },
        { "consent-notice.en.md", "card and PIN always available", "your card and PIN keep working" },
        { "consent-notice.zh.md", "separate consent", "单独同意" },
        { "consent-notice.en.md", "separate consent", "separately consent" },
        { "consent-notice.zh.md", "withdrawal at the gate within 1 s", "设备在 1 秒内" },
        { "consent-notice.en.md", "withdrawal at the gate within 1 s", "within 1 second" },
        { "consent-notice.zh.md", "withdrawal at the office", "在物业服务中心撤回" },
        { "consent-notice.en.md", "withdrawal at the office", "**At the property office**" },
        { "consent-notice.zh.md", "retention 365 days unused", "连续 365 天未使用人脸开门" },
        { "consent-notice.en.md", "retention 365 days unused", "after 365 days in which you" },
        { "consent-notice.zh.md", "deleted on move-out", "您迁出本小区" },
        { "consent-notice.en.md", "deleted on move-out", "when you move out" },
        { "consent-notice.zh.md", "minors need a guardian", "监护人同意后方可登记" },
        { "consent-notice.en.md", "minors need a guardian", "only with the consent of a parent or other" },
        { "consent-notice.zh.md", "right to a copy", "查阅、复制设备保存的您的个人信息" },
        { "consent-notice.en.md", "right to a copy", "get a copy of what the unit holds about you" },
        { "consent-notice.zh.md", "contact", "联系电话" },
        { "consent-notice.en.md", "contact", "Telephone:" },
    };

    [Theory]
    [MemberData(nameof(PromisedStatements))]
    public void Template_States(string file, string what, string statement)
    {
        var text = ConsentNotice.Normalize(File.ReadAllText(RepositoryLayout.Combine("hardware-docs", file)));
        var flattened = text.Replace("\n  ", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

        Assert.True(flattened.Contains(statement, StringComparison.Ordinal), $"{file} does not state: {what}");
    }

    [Fact]
    public void ImpactAssessmentTemplate_HasAHeadingForEveryReportPart()
    {
        var text = File.ReadAllText(RepositoryLayout.Combine("hardware-docs", "impact-assessment-template.md"));

        foreach (var part in new[] { "What is collected", "Where it is stored and how it is protected", "Who can reach it", "Retention", "Counts", "Network destinations" })
        {
            Assert.Contains($"/ {part}\n", text, StringComparison.Ordinal);
        }
    }
}
