namespace GateController.Core.Privacy;

/// <summary>
/// Checks that a notice covers every item PIPL art. 17 and art. 30 ask for (<see cref="ConsentNoticeRequirement.All"/>).
/// <para>
/// Format: the notice is Markdown-like text. A section starts at a level-2 heading line — a line that begins with
/// <c>"## "</c> — ending in a marker <c>{#id}</c>, for example
/// <c>"## 保存期限 / Retention period {#retention}"</c>. The heading words are free (any language); the marker id names
/// the item. The section's body runs to the next line that begins with <c>"# "</c> or <c>"## "</c>; deeper headings
/// (<c>"### "</c>) belong to the body. A required section must appear exactly once and hold some text. Sections with
/// other ids are allowed.
/// </para>
/// </summary>
public static class ConsentNoticeValidator
{
    /// <summary>Every problem with <paramref name="notice"/>, one message per missing, empty or repeated section, naming it.</summary>
    public static IReadOnlyList<string> Validate(ConsentNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var sections = ReadSections(notice.Text);
        var problems = new List<string>();
        foreach (var requirement in ConsentNoticeRequirement.All)
        {
            var found = sections.Where(s => string.Equals(s.Id, requirement.Id, StringComparison.Ordinal)).ToList();
            if (found.Count == 0)
            {
                problems.Add($"{notice}: missing section {requirement}; add a heading line such as \"{requirement.HeadingLine}\"");
            }
            else if (found.Count > 1)
            {
                problems.Add($"{notice}: section {requirement} appears {found.Count} times (lines {string.Join(", ", found.Select(s => s.LineNumber))}); write it once");
            }
            else if (!found[0].HasText)
            {
                problems.Add($"{notice}: section {requirement} at line {found[0].LineNumber} has no text");
            }
        }

        return problems;
    }

    /// <summary>The required items <paramref name="notice"/> does not cover (missing, empty or repeated).</summary>
    public static IReadOnlyList<ConsentNoticeSection> FindMissing(ConsentNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var sections = ReadSections(notice.Text);
        return ConsentNoticeRequirement.All
            .Where(r =>
            {
                var found = sections.Where(s => string.Equals(s.Id, r.Id, StringComparison.Ordinal)).ToList();
                return found.Count != 1 || !found[0].HasText;
            })
            .Select(r => r.Section)
            .ToList();
    }

    /// <summary>The ids of the marked sections in <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<string> ReadSectionIds(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ReadSections(ConsentNotice.Normalize(text)).Select(s => s.Id).ToList();
    }

    private static List<MarkedSection> ReadSections(string text)
    {
        var sections = new List<MarkedSection>();
        string? currentId = null;
        var currentLine = 0;
        var currentHasText = false;
        var lines = text.Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index];
            var isHeading = line.StartsWith("# ", StringComparison.Ordinal) || line.StartsWith("## ", StringComparison.Ordinal);
            if (!isHeading)
            {
                currentHasText |= currentId is not null && !string.IsNullOrWhiteSpace(line);
                continue;
            }

            if (currentId is not null)
            {
                sections.Add(new MarkedSection(currentId, currentLine, currentHasText));
            }

            currentId = line.StartsWith("## ", StringComparison.Ordinal) ? ReadMarker(line) : null;
            currentLine = index + 1;
            currentHasText = false;
        }

        if (currentId is not null)
        {
            sections.Add(new MarkedSection(currentId, currentLine, currentHasText));
        }

        return sections;
    }

    private static string? ReadMarker(string headingLine)
    {
        var trimmed = headingLine.TrimEnd();
        if (!trimmed.EndsWith('}'))
        {
            return null;
        }

        var open = trimmed.LastIndexOf("{#", StringComparison.Ordinal);
        if (open < 0)
        {
            return null;
        }

        var id = trimmed[(open + 2)..^1];
        if (id.Length == 0)
        {
            return null;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-')
            {
                return null;
            }
        }

        return id;
    }

    private readonly record struct MarkedSection(string Id, int LineNumber, bool HasText);
}
