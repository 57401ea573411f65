namespace GateController.Core.Privacy;

/// <summary>One required section of a notice: its marker id, headings in Chinese and English, and the legal source.</summary>
/// <param name="Section">The item.</param>
/// <param name="Id">The marker id written as <c>{#id}</c> at the end of the section's heading line.</param>
/// <param name="ChineseHeading">The usual Chinese heading.</param>
/// <param name="EnglishHeading">The usual English heading.</param>
/// <param name="Source">The article that asks for it.</param>
public sealed record ConsentNoticeRequirement(ConsentNoticeSection Section, string Id, string ChineseHeading, string EnglishHeading, string Source)
{
    /// <summary>Every required section, in the order a notice usually presents them.</summary>
    public static IReadOnlyList<ConsentNoticeRequirement> All { get; } =
    [
        new(ConsentNoticeSection.ProcessorAndContact, "processor", "处理者与联系方式", "Processor and contact", "PIPL art. 17 (1)"),
        new(ConsentNoticeSection.Purpose, "purpose", "处理目的", "Purpose", "PIPL art. 17 (2)"),
        new(ConsentNoticeSection.Method, "method", "处理方式", "Method", "PIPL art. 17 (2)"),
        new(ConsentNoticeSection.KindsOfData, "data", "个人信息种类", "Kinds of personal information", "PIPL art. 17 (2)"),
        new(ConsentNoticeSection.Retention, "retention", "保存期限", "Retention period", "PIPL art. 17 (2), art. 19"),
        new(ConsentNoticeSection.Withdrawal, "withdrawal", "撤回同意", "How to withdraw consent", "PIPL art. 15, art. 17 (3)"),
        new(ConsentNoticeSection.Rights, "rights", "查阅、复制及其他权利", "Getting a copy and other rights", "PIPL art. 17 (3), art. 45, art. 47"),
        new(ConsentNoticeSection.Necessity, "necessity", "处理人脸信息的必要性", "Why face data is necessary", "PIPL art. 30"),
        new(ConsentNoticeSection.Impact, "impact", "对个人权益的影响", "How it affects you", "PIPL art. 30"),
    ];

    /// <summary>The requirement for <paramref name="section"/>.</summary>
    public static ConsentNoticeRequirement For(ConsentNoticeSection section) =>
        All.FirstOrDefault(r => r.Section == section) ?? throw new ArgumentOutOfRangeException(nameof(section), section, "unknown notice section");

    /// <summary>The heading line a notice uses for this section, in both languages.</summary>
    public string HeadingLine => $"## {ChineseHeading} / {EnglishHeading} {{#{Id}}}";

    /// <inheritdoc />
    public override string ToString() => $"{{#{Id}}} {ChineseHeading} / {EnglishHeading} ({Source})";
}
