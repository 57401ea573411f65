using GateController.Core.Privacy;

namespace GateController.Core.Tests.Privacy;

internal static class NoticeFixtures
{
    public static string CompleteText(IEnumerable<string>? leaveOut = null)
    {
        var skip = new HashSet<string>(leaveOut ?? [], StringComparer.Ordinal);
        var lines = new List<string> { "# 人脸识别告知书", string.Empty, "Intro text." };
        foreach (var requirement in ConsentNoticeRequirement.All.Where(r => !skip.Contains(r.Id)))
        {
            lines.Add(requirement.HeadingLine);
            lines.Add($"Text about {requirement.EnglishHeading}.");
            lines.Add(string.Empty);
        }

        return string.Join('\n', lines);
    }

    public static ConsentNotice Notice(string version = "2026-01", string language = "zh", string? text = null) =>
        new(version, language, text ?? CompleteText());
}
