using System.Text;
using GateController.Core.Residents;
using GateController.Storage.Audit;

namespace GateController.Storage.Tests;

public sealed class VisitorCodeTests : IDisposable
{
    private readonly StoreHarness _harness = new();

    private GateStore Store => _harness.Store;

    private DateTimeOffset Now => _harness.Time.GetUtcNow();

    [Fact]
    public void IssueVisitorCode_Default_DrawsSixDigitsAndKeepsNumberIssuerWindowAndUses()
    {
        var id = _harness.AddResident();

        var issued = Store.IssueVisitorCode(id, Now, Now.AddHours(4), 3, "office-1");

        Assert.Matches("^[0-9]{6}$", issued.Code);
        Assert.Equal(id, issued.Record.IssuedBy);
        Assert.Equal(Now, issued.Record.ValidFrom);
        Assert.Equal(Now.AddHours(4), issued.Record.ValidUntil);
        Assert.Equal(3, issued.Record.MaximumUses);
        Assert.Equal(0, issued.Record.UsesConsumed);
        Assert.Equal([issued.Record], Store.ListVisitorCodes(id));
        Assert.DoesNotContain(issued.Code, issued.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(issued.Code, issued.Record.VisitorCodeId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void IssueVisitorCode_ConfiguredDigits_DrawsThatMany(int digits)
    {
        _harness.Options.VisitorCodeDigits = digits;
        _harness.Reopen();
        var id = _harness.AddResident();

        var codes = Enumerable.Range(0, 20).Select(_ => Store.IssueVisitorCode(id, Now, Now.AddHours(1), 1, "op").Code).ToList();

        Assert.All(codes, c => Assert.Equal(digits, c.Length));
        Assert.All(codes, c => Assert.True(c.All(char.IsAsciiDigit)));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public void IssueVisitorCode_CodeNeverInDatabaseFilesNorAudit()
    {
        var id = _harness.AddResident();
        var codes = Enumerable.Range(0, 10).Select(_ => Store.IssueVisitorCode(id, Now, Now.AddHours(4), 2, "op").Code).ToList();
        Assert.True(Store.TryConsumeVisitorCode(codes[0], Now, out _));

        _harness.Close();

        foreach (var code in codes)
        {
            Assert.False(_harness.DatabaseFilesContain(Encoding.ASCII.GetBytes(code)), "a visitor code was found in the database files as ASCII");
            Assert.False(_harness.DatabaseFilesContain(Encoding.Unicode.GetBytes(code)), "a visitor code was found in the database files as UTF-16");
        }

        _harness.Reopen();
        var audit = Store.ReadAudit(1, 1000);
        Assert.Contains(audit, e => e.Action == AuditAction.VisitorCodeIssued);
        Assert.Contains(audit, e => e.Action == AuditAction.VisitorCodeUsed);
        Assert.All(audit, e => Assert.All(codes, c => Assert.DoesNotContain(c, e.Detail ?? string.Empty, StringComparison.Ordinal)));
        Assert.True(Store.VerifyAudit().IsIntact);
    }

    [Fact]
    public void TryConsumeVisitorCode_ThreeUses_OpensThreeTimesThenRefusesAndChangesNothing()
    {
        var id = _harness.AddResident();
        var issued = Store.IssueVisitorCode(id, Now, Now.AddHours(4), 3, "op");

        var results = Enumerable.Range(0, 4).Select(_ => Store.TryConsumeVisitorCode(issued.Code, Now, out var r) ? r.UsesConsumed : -1).ToList();

        Assert.Equal([1, 2, 3, -1], results);
        Assert.Equal(3, Assert.Single(Store.ListVisitorCodes(id)).UsesConsumed);
        Assert.Equal(3, Store.ReadAudit(1, 100).Count(e => e.Action == AuditAction.VisitorCodeUsed));
    }

    [Fact]
    public async Task TryConsumeVisitorCode_RacingDoors_CountsEachUseOnce()
    {
        var id = _harness.AddResident();
        var issued = Store.IssueVisitorCode(id, Now, Now.AddHours(4), 5, "op");
        var at = Now;

        var opened = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => Store.TryConsumeVisitorCode(issued.Code, at, out _))));

        Assert.Equal(5, opened.Count(o => o));
        Assert.Equal(5, Assert.Single(Store.ListVisitorCodes(id)).UsesConsumed);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(239, true)]
    [InlineData(240, false)]
    public void TryConsumeVisitorCode_AtTime_OpensOnlyInsideTheWindow(int minutesFromStart, bool opens)
    {
        var id = _harness.AddResident();
        var issued = Store.IssueVisitorCode(id, Now, Now.AddHours(4), 1, "op");

        Assert.Equal(opens, Store.TryConsumeVisitorCode(issued.Code, Now.AddMinutes(minutesFromStart), out _));
        Assert.Equal(opens ? 1 : 0, Store.ListVisitorCodes(id)[0].UsesConsumed);
    }

    [Fact]
    public void RevokeVisitorCode_Issued_StopsItAndAudits()
    {
        var id = _harness.AddResident();
        var issued = Store.IssueVisitorCode(id, Now, Now.AddHours(4), 2, "op");

        Assert.True(Store.RevokeVisitorCode(issued.Record.VisitorCodeId, "office-2"));

        Assert.False(Store.TryFindVisitorCode(issued.Code, out _));
        Assert.False(Store.TryConsumeVisitorCode(issued.Code, Now, out _));
        Assert.Equal(Now, Store.ListVisitorCodes(id)[0].RevokedAt);
        Assert.False(Store.RevokeVisitorCode(issued.Record.VisitorCodeId, "office-2"));
        Assert.False(Store.RevokeVisitorCode(9999, "office-2"));
        var revoked = Assert.Single(Store.ReadAudit(1, 100), e => e.Action == AuditAction.VisitorCodeRevoked);
        Assert.Equal("office-2", revoked.OperatorId);
        Assert.Equal(id, revoked.Resident);
    }

    [Fact]
    public void TryFindVisitorCode_Unknown_ReturnsFalse()
    {
        var id = _harness.AddResident();
        var issued = Store.IssueVisitorCode(id, Now, Now.AddHours(4), 1, "op");
        var other = issued.Code == "000000" ? "000001" : "000000";

        Assert.False(Store.TryFindVisitorCode(other, out _));
        Assert.False(Store.TryFindVisitorCode("12", out _));
        Assert.True(Store.TryFindVisitorCode(issued.Code, out var found));
        Assert.Equal(issued.Record, found);
    }

    [Fact]
    public void ListVisitorCodes_ByIssuerOrAll_ListsInIssueOrder()
    {
        var alice = _harness.AddResident("R0001");
        var bob = _harness.AddResident("R0002");
        var a1 = Store.IssueVisitorCode(alice, Now, Now.AddHours(1), 1, "op").Record;
        var b1 = Store.IssueVisitorCode(bob, Now, Now.AddHours(1), 1, "op").Record;
        var a2 = Store.IssueVisitorCode(alice, Now, Now.AddHours(2), 2, "op").Record;

        Assert.Equal([a1, a2], Store.ListVisitorCodes(alice));
        Assert.Equal([a1, b1, a2], Store.ListVisitorCodes(null));
        Assert.Equal(StoreErrorCode.UnknownResident, Assert.Throws<StoreException>(() => Store.ListVisitorCodes(ResidentId.Parse("R9999"))).Code);
    }

    [Fact]
    public void IssueVisitorCode_UnknownOrMovedOutIssuer_ThrowsAndStoresNothing()
    {
        var id = _harness.AddResident();
        Store.TryGetResident(id, out var resident);
        Store.UpdateResident(resident with { Status = ResidentStatus.MovedOut }, "op");

        Assert.Equal(StoreErrorCode.UnknownResident, Assert.Throws<StoreException>(() => Store.IssueVisitorCode(ResidentId.Parse("R9999"), Now, Now.AddHours(1), 1, "op")).Code);
        Assert.Equal(StoreErrorCode.ResidentMovedOut, Assert.Throws<StoreException>(() => Store.IssueVisitorCode(id, Now, Now.AddHours(1), 1, "op")).Code);
        Assert.Empty(Store.ListVisitorCodes(null));
    }

    [Theory]
    [InlineData(2, 1, 1)]
    [InlineData(-2, -1, 1)]
    [InlineData(0, 24 * 32, 1)]
    [InlineData(0, 4, 0)]
    [InlineData(0, 4, 101)]
    public void IssueVisitorCode_BadWindowOrUses_ThrowsArgumentException(int fromHours, int untilHours, int uses)
    {
        var id = _harness.AddResident();

        Assert.ThrowsAny<ArgumentException>(() => Store.IssueVisitorCode(id, Now.AddHours(fromHours), Now.AddHours(untilHours), uses, "op"));
        Assert.Empty(Store.ListVisitorCodes(null));
    }

    [Fact]
    public void IssueVisitorCode_EmptyWindow_ThrowsArgumentException()
    {
        var id = _harness.AddResident();

        Assert.Throws<ArgumentException>(() => Store.IssueVisitorCode(id, Now, Now, 1, "op"));
    }

    [Fact]
    public void ApplyRetention_ExpiredAndRevokedCodes_ArePrunedAndAudited()
    {
        var id = _harness.AddResident();
        var expiring = Store.IssueVisitorCode(id, Now, Now.AddHours(1), 1, "op");
        var revoked = Store.IssueVisitorCode(id, Now, Now.AddDays(2), 1, "op");
        var kept = Store.IssueVisitorCode(id, Now, Now.AddDays(2), 1, "op");
        Store.RevokeVisitorCode(revoked.Record.VisitorCodeId, "op");
        _harness.Time.Advance(TimeSpan.FromHours(1));

        var report = Store.ApplyRetention();

        Assert.Equal(2, report.VisitorCodesDeleted);
        Assert.Equal([kept.Record.VisitorCodeId], Store.ListVisitorCodes(id).Select(c => c.VisitorCodeId));
        Assert.False(Store.TryFindVisitorCode(expiring.Code, out _));
        Assert.Contains(Store.ReadAudit(1, 100), e => e.Action == AuditAction.AutomaticDeletion && e.Detail!.Contains("visitor codes deleted: 2", StringComparison.Ordinal));
    }

    [Fact]
    public void SetPin_EqualToAnActiveVisitorCode_ThrowsPinInUseAndKeepsTheOldPin()
    {
        var alice = _harness.AddResident("R0001");
        var bob = _harness.AddResident("R0002");
        Store.SetPin(bob, "13579", "op");
        var issued = Store.IssueVisitorCode(alice, Now, Now.AddHours(1), 1, "op");

        var error = Assert.Throws<StoreException>(() => Store.SetPin(bob, issued.Code, "op"));

        Assert.Equal(StoreErrorCode.PinInUse, error.Code);
        Assert.True(Store.VerifyPin(bob, "13579"));
        _harness.Time.Advance(TimeSpan.FromHours(1));
        Store.SetPin(bob, issued.Code, "op");
        Assert.True(Store.VerifyPin(bob, issued.Code));
    }

    [Fact]
    public void DeleteResident_WithCodes_DeletesTheirCodes()
    {
        var id = _harness.AddResident();
        var issued = Store.IssueVisitorCode(id, Now, Now.AddHours(1), 1, "op");

        Store.DeleteResident(id, "op");

        Assert.False(Store.TryFindVisitorCode(issued.Code, out _));
        Assert.Empty(Store.ListVisitorCodes(null));
    }

    [Fact]
    public void Open_VersionOneDatabase_MigratesAndIssuesCodes()
    {
        var id = _harness.AddResident();
        _harness.EditFile(
            "DROP TABLE visitor_codes; DROP TABLE technician_keys; DROP INDEX residents_access_group; ALTER TABLE residents DROP COLUMN access_group; DELETE FROM schema_version WHERE version >= 2;");

        var issued = Store.IssueVisitorCode(id, Now, Now.AddHours(1), 1, "op");

        Assert.True(Store.TryFindVisitorCode(issued.Code, out _));
        Assert.Equal((long)Schema.Migrations.LatestVersion, Store.ExecuteScalarForTests("SELECT MAX(version) FROM schema_version"));
        Assert.True(Store.TryGetResident(id, out _));
    }

    public void Dispose() => _harness.Dispose();
}
