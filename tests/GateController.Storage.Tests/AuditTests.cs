using System.Text;
using GateController.Core.Credentials;
using GateController.Core.Residents;
using GateController.Storage.Audit;
using Microsoft.Data.Sqlite;

namespace GateController.Storage.Tests;

public sealed class AuditTests : IDisposable
{
    private const string DropTriggers = "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;";

    private readonly StoreHarness _harness = new();

    private GateStore Store => _harness.Store;

    /// <summary>Writes entries 1–6.</summary>
    private void WriteSixEntries()
    {
        var id = _harness.AddResident();
        Store.AddCard(id, CardFormat.Mifare, [1, 2, 3, 4], "op");
        Store.SetPin(id, "246810", "op");
        Store.AppendAudit(AuditAction.ManualRelease, "guard-2", null, "door main");
        Store.AppendAudit(AuditAction.ConfigurationChanged, "installer", null, "Doors:main:PulseDuration");
        Store.AppendAudit(AuditAction.OperatorAction, "office-1", null, "login");
    }

    [Fact]
    public void VerifyAudit_Untouched_IsIntact()
    {
        WriteSixEntries();

        var result = Store.VerifyAudit();

        Assert.Equal(new AuditVerification(true, 6, null, null), result);
    }

    [Fact]
    public void VerifyAudit_EmptyLog_IsIntact()
    {
        Assert.True(Store.VerifyAudit().IsIntact);
    }

    [Fact]
    public void AppendAudit_Entries_AreNumberedAndChained()
    {
        WriteSixEntries();

        var entries = Store.ReadAudit(1, 100);

        Assert.Equal([1L, 2, 3, 4, 5, 6], entries.Select(e => e.Sequence));
        Assert.Equal(6, entries.Select(e => e.HashHex).Distinct().Count());
        Assert.Equal(
            [AuditAction.ResidentAdded, AuditAction.CardAdded, AuditAction.PinSet, AuditAction.ManualRelease, AuditAction.ConfigurationChanged, AuditAction.OperatorAction],
            entries.Select(e => e.Action));
        Assert.Equal("guard-2", entries[3].OperatorId);
    }

    [Fact]
    public void AuditLog_Entries_HoldNoNameUidOrPin()
    {
        WriteSixEntries();
        _harness.Close();

        using var connection = new SqliteConnection($"Data Source={_harness.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(coalesce(operator,'') || '|' || coalesce(resident_id,'') || '|' || coalesce(detail,''), ';') FROM audit_log";
        var text = (string)command.ExecuteScalar()!;
        Assert.DoesNotContain("张伟", text, StringComparison.Ordinal);
        Assert.DoesNotContain("246810", text, StringComparison.Ordinal);
        Assert.DoesNotContain("01020304", text, StringComparison.Ordinal);
        Assert.Contains("R0001", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AuditLog_UpdateOrDeleteThroughSql_IsRefusedByTriggers()
    {
        WriteSixEntries();
        _harness.Close();

        using var connection = new SqliteConnection($"Data Source={_harness.DatabasePath};Pooling=False");
        connection.Open();
        using var update = connection.CreateCommand();
        update.CommandText = "UPDATE audit_log SET detail = 'x' WHERE seq = 2";
        Assert.Throws<SqliteException>(() => update.ExecuteNonQuery());
        using var delete = connection.CreateCommand();
        delete.CommandText = "DELETE FROM audit_log WHERE seq = 2";
        Assert.Throws<SqliteException>(() => delete.ExecuteNonQuery());
    }

    [Theory]
    [InlineData("UPDATE audit_log SET detail = 'door side' WHERE seq = 4", 4L)]
    [InlineData("UPDATE audit_log SET operator = 'someone-else' WHERE seq = 3", 3L)]
    [InlineData("UPDATE audit_log SET time_ms = time_ms + 1 WHERE seq = 5", 5L)]
    [InlineData("UPDATE audit_log SET action = 'OperatorAction' WHERE seq = 4", 4L)]
    [InlineData("UPDATE audit_log SET resident_id = 'R0002' WHERE seq = 2", 2L)]
    public void VerifyAudit_AlteredEntry_NamesIt(string tamper, long expected)
    {
        WriteSixEntries();

        _harness.EditFile(DropTriggers + tamper);

        var result = Store.VerifyAudit();
        Assert.False(result.IsIntact);
        Assert.Equal(expected, result.FirstBadSequence);
        Assert.Contains($"entry {expected}", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyAudit_AlteredEntryWithRecomputedOwnHash_NamesTheNextEntry()
    {
        WriteSixEntries();
        var entries = Store.ReadAudit(1, 100);
        var previous = Convert.FromHexString(entries[2].HashHex);
        var forged = AuditChain.Hash(previous, 4, entries[3].Time.ToUnixTimeMilliseconds(), "ManualRelease", "guard-2", null, "door side");

        _harness.EditFile(DropTriggers + $"UPDATE audit_log SET detail = 'door side', hash = X'{Convert.ToHexString(forged)}' WHERE seq = 4");

        Assert.Equal(5L, Store.VerifyAudit().FirstBadSequence);
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(3L)]
    [InlineData(5L)]
    public void VerifyAudit_RemovedEntry_NamesIt(long removed)
    {
        WriteSixEntries();

        _harness.EditFile(DropTriggers + $"DELETE FROM audit_log WHERE seq = {removed}");

        var result = Store.VerifyAudit();
        Assert.False(result.IsIntact);
        Assert.Equal(removed, result.FirstBadSequence);
        Assert.Contains("missing", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyAudit_RemovedLastEntry_NamesIt()
    {
        WriteSixEntries();

        _harness.EditFile(DropTriggers + "DELETE FROM audit_log WHERE seq = 6");

        var result = Store.VerifyAudit();
        Assert.False(result.IsIntact);
        Assert.Equal(6L, result.FirstBadSequence);
    }

    [Fact]
    public void VerifyAudit_RemovedLastEntryAndHeadRewritten_NamesIt()
    {
        WriteSixEntries();
        var fifth = Store.ReadAudit(5, 1)[0];
        var forgedHead = "0000000000000005" + fifth.HashHex + new string('0', 64);

        _harness.EditFile(DropTriggers + $"DELETE FROM audit_log WHERE seq = 6; UPDATE store_meta SET value = X'{forgedHead}' WHERE name = 'audit_head';");

        var result = Store.VerifyAudit();
        Assert.False(result.IsIntact);
        Assert.Equal(6L, result.FirstBadSequence);
        Assert.Contains("authentication", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyAudit_RemovedAndRenumbered_NamesFirstRenumberedEntry()
    {
        WriteSixEntries();

        _harness.EditFile(DropTriggers + "DELETE FROM audit_log WHERE seq = 3; UPDATE audit_log SET seq = seq - 1 WHERE seq > 3;");

        Assert.Equal(3L, Store.VerifyAudit().FirstBadSequence);
    }

    [Fact]
    public void VerifyAudit_ReorderedEntries_NamesFirstMovedEntry()
    {
        WriteSixEntries();

        _harness.EditFile(DropTriggers + "UPDATE audit_log SET seq = 100 WHERE seq = 4; UPDATE audit_log SET seq = 4 WHERE seq = 5; UPDATE audit_log SET seq = 5 WHERE seq = 100;");

        var result = Store.VerifyAudit();
        Assert.False(result.IsIntact);
        Assert.Equal(4L, result.FirstBadSequence);
        Assert.Contains("reordered", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AppendAudit_AfterReopen_ContinuesTheChain()
    {
        WriteSixEntries();
        _harness.Reopen();

        var entry = Store.AppendAudit(AuditAction.OperatorAction, "office-1", ResidentId.Parse("R0001"), "report");

        Assert.Equal(7, entry.Sequence);
        Assert.True(Store.VerifyAudit().IsIntact);
        Assert.Equal(64, Encoding.ASCII.GetByteCount(entry.HashHex));
    }

    public void Dispose() => _harness.Dispose();
}
