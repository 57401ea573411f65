namespace GateController.Service.Tests.Packaging;

/// <summary>A systemd unit file read as (section, key) → values, in order, comments and blank lines skipped.</summary>
internal sealed class UnitFile
{
    private readonly Dictionary<(string Section, string Key), List<string>> _entries = [];

    private UnitFile()
    {
    }

    public static UnitFile Parse(string text)
    {
        var unit = new UnitFile();
        var section = string.Empty;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[' && line[^1] == ']')
            {
                section = line[1..^1];
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"not a unit file line: '{line}'");
            }

            var key = (section, line[..equals].Trim());
            if (!unit._entries.TryGetValue(key, out var values))
            {
                unit._entries[key] = values = [];
            }

            values.Add(line[(equals + 1)..].Trim());
        }

        return unit;
    }

    public IReadOnlyList<string> Values(string section, string key) =>
        _entries.TryGetValue((section, key), out var values) ? values : [];

    public string? Single(string section, string key) => Values(section, key) is [var only] ? only : null;
}
