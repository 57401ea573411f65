using System.Text.Json.Nodes;
using GateController.Core.Privacy;
using Microsoft.Data.Sqlite;

namespace GateController.Cli.Tests.Privacy;

public sealed class StatusScaleTests
{
    [Theory]
    [InlineData(0, "none")]
    [InlineData(79_999, "none")]
    [InlineData(80_000, "warning")]
    [InlineData(100_000, "limit")]
    public async Task Status_FaceTemplates_WarnsAt80AndLimitAt100PercentLikeHealth(int templates, string level)
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0001", "--name", "A", "--operator", AdminFixture.Office);
        await unit.GatectlAsync("consent", "give", "--resident", "R0001", "--notice-version", AdminFixture.NoticeVersion, "--form", "F-1", "--operator", AdminFixture.Office);
        InsertTemplateRows(unit, templates);
        var expected = FaceTemplateScale.Evaluate(templates).Message;

        var json = await unit.GatectlAsync("status", "--json", "--operator", AdminFixture.Installer);
        var text = await unit.GatectlAsync("status", "--operator", AdminFixture.Installer);

        Assert.Equal(0, json.Status);
        var result = JsonNode.Parse(json.Output)!;
        Assert.Equal(level, (string)result["faceTemplateScale"]!["level"]!);
        Assert.Equal(templates, (long)result["faceTemplateScale"]!["templates"]!);
        Assert.Equal(templates, (long)result["store"]!["faceTemplates"]!);
        Assert.Equal(expected, (string?)result["faceTemplateScale"]!["message"]);
        var warnings = result["warnings"]!.AsArray().Select(w => (string)w!).ToList();
        Assert.Equal(expected is null ? [] : [expected], warnings);
        Assert.Equal(0, text.Status);
        Assert.Contains($"face templates:  {templates} stored; filing threshold 100000", text.Output, StringComparison.Ordinal);
        Assert.Equal(expected is not null, text.Output.Contains($"WARNING:         {expected}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Status_Text_StoreCountsAndNoWarningForASmallUnit()
    {
        await using var unit = new AdminFixture();
        await unit.GatectlAsync("resident", "add", "--id", "R0001", "--name", "A", "--minor", "--operator", AdminFixture.Office);
        await unit.GatectlAsync("card", "add", "--resident", "R0001", "--uid", "0A0B0C0D", "--operator", AdminFixture.Office);

        var (status, output, _) = await unit.GatectlAsync("status", "--operator", AdminFixture.Installer);

        Assert.Equal(0, status);
        Assert.Contains("store:           1 residents (1 minors), 1 cards, 0 PINs, 0 active face consents", output, StringComparison.Ordinal);
        Assert.Contains("renewals:        0 residents whose face consent was given under an earlier notice", output, StringComparison.Ordinal);
        Assert.DoesNotContain("WARNING", output, StringComparison.Ordinal);
    }

    /// <summary>Puts <paramref name="count"/> placeholder template rows in the file, as a large unit would hold (the store counts rows).</summary>
    private static void InsertTemplateRows(AdminFixture unit, int count)
    {
        if (count == 0)
        {
            return;
        }

        var path = Path.Combine(unit.Directory, "data", "gate.db");
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count)
            INSERT INTO face_templates (id, resident_id, consent_id, model_id, sealed, created_ms, last_used_ms)
            SELECT 'T' || i, 'R0001', (SELECT MAX(id) FROM consents), 'test-model', x'00', 0, 0 FROM n
            """;
        command.Parameters.AddWithValue("$count", count);
        Assert.Equal(count, command.ExecuteNonQuery());
    }
}
