using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GateController.Core.Residents;
using GateController.Storage;
using GateController.Storage.Records;

namespace GateController.Service.Admin;

/// <summary>The all-or-nothing resident import.</summary>
internal sealed partial class AdminCommandHandler
{
    private const int MaximumImportRows = 100_000;

    private JsonObject ImportResidents(AdminArguments args, string operatorName)
    {
        var rowsElement = args.RequiredArray("rows");
        var rows = new List<ResidentImportRow>();
        var lines = new List<int>();
        var problems = new List<string>();
        var index = 0;
        foreach (var element in rowsElement.EnumerateArray())
        {
            index++;
            if (index > MaximumImportRows)
            {
                throw new AdminCommandException($"an import holds at most {MaximumImportRows} rows");
            }

            var line = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("line", out var lineElement) && lineElement.TryGetInt32(out var number)
                ? number
                : index;
            try
            {
                rows.Add(ReadImportRow(new AdminArguments(element)));
                lines.Add(line);
            }
            catch (AdminCommandException ex)
            {
                problems.Add($"line {line}: {ex.Message}");
            }
        }

        if (problems.Count > 0)
        {
            throw new AdminCommandException($"nothing imported; {problems.Count} bad rows: {string.Join("; ", problems)}");
        }

        try
        {
            var imported = _store.ImportResidents(rows, operatorName);
            return new JsonObject { ["imported"] = imported };
        }
        catch (StoreException ex) when (ex.Code == StoreErrorCode.InvalidImport)
        {
            var message = RowPrefix().Replace(ex.Message, match =>
            {
                var row = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                return row >= 1 && row <= lines.Count ? $"line {lines[row - 1]}" : match.Value;
            });
            throw new AdminCommandException($"nothing imported; {message}", ex);
        }
    }

    private ResidentImportRow ReadImportRow(AdminArguments row)
    {
        var id = row.RequiredResident("id");
        var name = row.RequiredString("name");
        var resident = new Resident(id, name, row.OptionalString("room"), ResidentStatus.Active, row.OptionalBoolean("minor"));
        var cards = new List<CardToRegister>();
        var cardElements = row.OptionalArray("cards");
        foreach (var card in cardElements)
        {
            var cardArgs = new AdminArguments(card);
            cards.Add(new CardToRegister(ParseFormat(cardArgs.OptionalString("format") ?? "wiegand26"), ParseUid(cardArgs.RequiredString("uid"))));
        }

        var group = row.OptionalString("group");
        if (group is not null)
        {
            RequireConfiguredGroup(group, null);
        }

        return new ResidentImportRow(resident, cards, row.OptionalString("pin")) { AccessGroup = group };
    }

    [GeneratedRegex(@"\brow (\d+)\b", RegexOptions.CultureInvariant)]
    private static partial Regex RowPrefix();
}
