using GateController.Core.Credentials;
using GateController.Core.Residents;
using GateController.Storage.Audit;
using GateController.Storage.Records;

namespace GateController.Storage.Tests;

public sealed class ImportTests : IDisposable
{
    private readonly StoreHarness _harness = new();

    private GateStore Store => _harness.Store;

    private static ResidentImportRow Row(int number, string? pin = null, params byte[][] uids) => new(
        new Resident(ResidentId.Parse($"R{number:D5}"), $"住户{number}", $"{number % 20}-{number % 300}", ResidentStatus.Active, false),
        uids.Select(u => new CardToRegister(CardFormat.Mifare, u)).ToList(),
        pin);

    private static byte[] Uid(int number) => BitConverter.GetBytes(number + 0x10000000);

    [Fact]
    public void ImportResidents_Rows_AddsResidentsCardsAndPinsWithOneAuditEntry()
    {
        var rows = Enumerable.Range(1, 200).Select(i => Row(i, $"{100000 + i}", Uid(i), Uid(i + 1000))).ToList();

        var count = Store.ImportResidents(rows, "office-1");

        Assert.Equal(200, count);
        Assert.Equal(200, Store.ListResidents().Count);
        Assert.True(Store.TryFindCard(CardFormat.Mifare, Uid(1077), out var card));
        Assert.Equal(ResidentId.Parse("R00077"), card.Resident);
        Assert.True(Store.TryFindResidentByPin("100150", out var owner));
        Assert.Equal(ResidentId.Parse("R00150"), owner);
        Assert.True(Store.VerifyPin(owner, "100150"));
        var entry = Assert.Single(Store.ReadAudit(1, 100));
        Assert.Equal(AuditAction.Import, entry.Action);
        Assert.Equal("residents imported: 200", entry.Detail);
    }

    [Fact]
    public void ImportResidents_CardRepeatedInFile_NamesRowAndWritesNothing()
    {
        var rows = new[] { Row(1, null, Uid(1)), Row(2, null, Uid(2)), Row(3, null, Uid(4), Uid(2)) };

        var error = Assert.Throws<StoreException>(() => Store.ImportResidents(rows, "op"));

        Assert.Equal(StoreErrorCode.InvalidImport, error.Code);
        Assert.Contains("row 3 (resident R00003)", error.Message, StringComparison.Ordinal);
        Assert.Contains("card 2", error.Message, StringComparison.Ordinal);
        Assert.Empty(Store.ListResidents());
    }

    [Fact]
    public void ImportResidents_PinUsedOnUnit_NamesRowAndWritesNothing()
    {
        var existing = _harness.AddResident("R0001");
        Store.SetPin(existing, "424242", "op");
        var rows = new[] { Row(1, "111111"), Row(2, "424242") };

        var error = Assert.Throws<StoreException>(() => Store.ImportResidents(rows, "op"));

        Assert.Equal(StoreErrorCode.InvalidImport, error.Code);
        Assert.Contains("row 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("PIN already in use", error.Message, StringComparison.Ordinal);
        Assert.Single(Store.ListResidents());
        Assert.False(Store.TryFindResidentByPin("111111", out _));
    }

    [Fact]
    public void ImportResidents_PinsEqualActiveVisitorCodes_NamesEveryRowWithoutPinAndWritesNothing()
    {
        var issuer = _harness.AddResident("R90000");
        var now = _harness.Time.GetUtcNow();
        var first = Store.IssueVisitorCode(issuer, now, now.AddHours(4), 1, "op").Code;
        var second = Store.IssueVisitorCode(issuer, now, now.AddHours(4), 1, "op").Code;
        var auditBefore = Store.ReadAudit(1, 100).Count;
        var rows = new[] { Row(1, "7777"), Row(2, first), Row(3, "88888888"), Row(4, second) };

        var error = Assert.Throws<StoreException>(() => Store.ImportResidents(rows, "op"));

        Assert.Equal(StoreErrorCode.InvalidImport, error.Code);
        Assert.Equal(
            "row 2 (resident R00002): PIN equals an active visitor code; choose another PIN; row 4 (resident R00004): PIN equals an active visitor code; choose another PIN",
            error.Message);
        Assert.DoesNotContain(first, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(second, error.Message, StringComparison.Ordinal);
        Assert.Single(Store.ListResidents());
        Assert.Equal(auditBefore, Store.ReadAudit(1, 100).Count);
    }

    [Fact]
    public void ImportResidents_PinEqualsRevokedOrExpiredVisitorCode_Imported()
    {
        var issuer = _harness.AddResident("R90000");
        var now = _harness.Time.GetUtcNow();
        var revoked = Store.IssueVisitorCode(issuer, now, now.AddHours(4), 1, "op");
        Store.RevokeVisitorCode(revoked.Record.VisitorCodeId, "op");
        var expired = Store.IssueVisitorCode(issuer, now, now.AddHours(1), 1, "op").Code;
        _harness.Time.Advance(TimeSpan.FromHours(2));

        var count = Store.ImportResidents([Row(1, revoked.Code), Row(2, expired)], "op");

        Assert.Equal(2, count);
        Assert.True(Store.TryFindResidentByPin(expired, out var holder));
        Assert.Equal(ResidentId.Parse("R00002"), holder);
    }

    [Theory]
    [InlineData("existing-resident")]
    [InlineData("repeated-id")]
    [InlineData("bad-pin")]
    [InlineData("repeated-pin")]
    [InlineData("card-on-unit")]
    public void ImportResidents_BadRow_ThrowsInvalidImportAndWritesNothing(string problem)
    {
        var existing = _harness.AddResident("R00002");
        Store.AddCard(existing, CardFormat.Mifare, Uid(99), "op");
        var auditBefore = Store.ReadAudit(1, 100).Count;
        var rows = problem switch
        {
            "existing-resident" => new[] { Row(1), Row(2) },
            "repeated-id" => new[] { Row(1), Row(3), Row(1) },
            "bad-pin" => new[] { Row(1, "12ab") },
            "repeated-pin" => new[] { Row(1, "5555"), Row(3, "5555") },
            _ => new[] { Row(1, null, Uid(99)) },
        };

        var error = Assert.Throws<StoreException>(() => Store.ImportResidents(rows, "op"));

        Assert.Equal(StoreErrorCode.InvalidImport, error.Code);
        Assert.Matches(@"^row \d+", error.Message);
        Assert.Single(Store.ListResidents());
        Assert.Equal(auditBefore, Store.ReadAudit(1, 100).Count);
    }

    public void Dispose() => _harness.Dispose();
}
