using System.Text;
using System.Text.Json.Nodes;
using GateController.Core.Residents;

namespace GateController.Cli;

/// <summary>
/// Reads a residents CSV for import: columns id, name, room, cards, PIN and optionally minor (yes/no) and access group;
/// a first line starting with "id" is a header. Cards are separated by ';', each HEX or FORMAT:HEX (format default wiegand26).
/// Fields may be quoted ("…", with "" for a quote). Every problem names the line and the field.
/// </summary>
internal static class ResidentCsvReader
{
    private static readonly string[] Formats = ["wiegand26", "wiegand34", "wiegand37", "mifare", "em4100", "raw-wiegand"];

    /// <summary>The parsed rows (admin API shape, with their line numbers) and every problem found.</summary>
    public static (List<JsonObject> Rows, List<string> Problems) Read(IEnumerable<string> lines)
    {
        var rows = new List<JsonObject>();
        var problems = new List<string>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var cards = new Dictionary<string, int>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var raw in lines)
        {
            lineNumber++;
            var text = lineNumber == 1 ? raw.TrimStart('\uFEFF') : raw;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (!TrySplit(text, out var fields, out var splitProblem))
            {
                problems.Add($"line {lineNumber}: {splitProblem}");
                continue;
            }

            if (lineNumber == 1 && string.Equals(fields[0].Trim(), "id", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (fields.Count is < 5 or > 7)
            {
                problems.Add($"line {lineNumber}: expected 5 to 7 fields (id, name, room, cards, PIN[, minor[, group]]), found {fields.Count}");
                continue;
            }

            var before = problems.Count;
            var id = fields[0].Trim();
            if (!ResidentId.TryParse(id, out _, out var idError))
            {
                problems.Add($"line {lineNumber}, field id: {idError}");
            }
            else if (!ids.TryAdd(id, lineNumber))
            {
                problems.Add($"line {lineNumber}, field id: resident {id} repeats line {ids[id]}");
            }

            var name = fields[1].Trim();
            if (name.Length == 0)
            {
                problems.Add($"line {lineNumber}, field name: is empty");
            }

            var cardArray = new JsonArray();
            var cardNumber = 0;
            foreach (var card in fields[3].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                cardNumber++;
                var colon = card.IndexOf(':', StringComparison.Ordinal);
                var format = colon < 0 ? "wiegand26" : card[..colon].Trim().ToLowerInvariant();
                var hex = colon < 0 ? card : card[(colon + 1)..].Trim();
                if (Array.IndexOf(Formats, format) < 0)
                {
                    problems.Add($"line {lineNumber}, field cards: card {cardNumber} has format '{format}'; use {string.Join(", ", Formats)}");
                }
                else if (hex.Length == 0 || hex.Length % 2 != 0 || !hex.All(char.IsAsciiHexDigit))
                {
                    problems.Add($"line {lineNumber}, field cards: card {cardNumber} is not an even number of hexadecimal digits");
                }
                else if (!cards.TryAdd(format + ":" + hex.ToUpperInvariant(), lineNumber))
                {
                    problems.Add($"line {lineNumber}, field cards: card {cardNumber} repeats a card of line {cards[format + ":" + hex.ToUpperInvariant()]}");
                }
                else
                {
                    cardArray.Add(new JsonObject { ["format"] = format, ["uid"] = hex });
                }
            }

            var pin = fields[4].Trim();
            if (pin.Length > 0 && (pin.Length is < 4 or > 12 || !pin.All(char.IsAsciiDigit)))
            {
                problems.Add($"line {lineNumber}, field PIN: must be 4–12 digits");
            }

            var minor = false;
            if (fields.Count >= 6)
            {
                switch (fields[5].Trim().ToLowerInvariant())
                {
                    case "" or "no" or "false" or "0":
                        break;
                    case "yes" or "true" or "1":
                        minor = true;
                        break;
                    default:
                        problems.Add($"line {lineNumber}, field minor: must be yes or no");
                        break;
                }
            }

            var group = fields.Count == 7 ? fields[6].Trim() : string.Empty;
            if (group.Length > 0 && !Storage.GateStore.IsValidAccessGroupName(group))
            {
                problems.Add($"line {lineNumber}, field group: must be 1–{Storage.GateStore.MaximumAccessGroupNameLength} letters, digits, '-', '_' or '.'");
            }

            if (problems.Count == before)
            {
                var room = fields[2].Trim();
                rows.Add(new JsonObject
                {
                    ["line"] = lineNumber,
                    ["id"] = id,
                    ["name"] = name,
                    ["room"] = room.Length == 0 ? null : room,
                    ["cards"] = cardArray,
                    ["pin"] = pin.Length == 0 ? null : pin,
                    ["minor"] = minor,
                    ["group"] = group.Length == 0 ? null : group,
                });
            }
        }

        return (rows, problems);
    }

    private static bool TrySplit(string line, out List<string> fields, out string? problem)
    {
        fields = [];
        var field = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0 && !wasQuoted)
            {
                quoted = true;
                wasQuoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                wasQuoted = false;
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            problem = "a quoted field is not closed";
            return false;
        }

        fields.Add(field.ToString());
        problem = null;
        return true;
    }
}
