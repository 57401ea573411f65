using GateController.Core.Access;
using GateController.Core.Credentials;
using GateController.Core.Readers;
using GateController.Core.Residents;
using GateController.Storage.Access;
using GateController.Storage.Audit;
using GateController.Storage.Records;

namespace GateController.Storage.Tests.Access;

/// <summary>Residents' access groups in the store, and the gate deciding with the group's policy over the store's directory.</summary>
public sealed class StoreAccessGroupTests : IDisposable
{
    private static readonly byte[] AliceCard = [0x04, 0x01, 0x02, 0x03];
    private static readonly byte[] BobCard = [0x04, 0x01, 0x02, 0x04];

    private readonly StoreHarness _harness = new();

    private GateStore Store => _harness.Store;

    [Fact]
    public void SetAccessGroup_SetThenCleared_ReadBackAndAudited()
    {
        var alice = _harness.AddResident("R0001");

        Store.SetAccessGroup(alice, "night-staff", "office-1");
        Assert.True(Store.TryGetResidentWithAccessGroup(alice, out var resident, out var group));
        Assert.Equal("张伟", resident.Name);
        Assert.Equal("night-staff", group);
        Store.SetAccessGroup(alice, null, "office-2");
        Assert.True(Store.TryGetResidentWithAccessGroup(alice, out _, out var cleared));

        Assert.Null(cleared);
        var audit = Store.ReadAudit(1, 100).Where(e => e.Action == AuditAction.ResidentUpdated).ToList();
        Assert.Equal(["access group set to night-staff", "access group removed (door default policy)"], audit.Select(e => e.Detail));
        Assert.Equal(["office-1", "office-2"], audit.Select(e => e.OperatorId));
        Assert.True(Store.VerifyAudit().IsIntact);
    }

    [Theory]
    [InlineData("")]
    [InlineData("night staff")]
    [InlineData("a/b")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")]
    public void SetAccessGroup_BadName_ThrowsAndChangesNothing(string group)
    {
        var alice = _harness.AddResident("R0001");
        var before = Store.ReadAudit(1, 100).Count;

        Assert.Throws<ArgumentException>(() => Store.SetAccessGroup(alice, group, "op"));

        Assert.True(Store.TryGetResidentWithAccessGroup(alice, out _, out var stored));
        Assert.Null(stored);
        Assert.Equal(before, Store.ReadAudit(1, 100).Count);
    }

    [Fact]
    public void Open_DatabaseWithoutAccessGroups_MigratesKeepingResidentsInNoGroup()
    {
        var alice = _harness.AddResident("R0001");
        _harness.EditFile("DROP TABLE technician_keys; DROP INDEX residents_access_group; ALTER TABLE residents DROP COLUMN access_group; DELETE FROM schema_version WHERE version >= 3;");

        Assert.True(Store.TryGetResidentWithAccessGroup(alice, out var resident, out var group));
        Store.SetAccessGroup(alice, "staff", "op");

        Assert.Equal("张伟", resident.Name);
        Assert.Null(group);
        Assert.Equal(new Dictionary<string, int> { ["staff"] = 1 }, Store.CountResidentsPerAccessGroup());
        Assert.Equal(1L, Store.ExecuteScalarForTests("SELECT COUNT(*) FROM schema_version WHERE version = 3"));
    }

    [Fact]
    public void SetAccessGroup_UnknownResident_ThrowsUnknownResident()
    {
        var error = Assert.Throws<StoreException>(() => Store.SetAccessGroup(ResidentId.Parse("R4040"), "staff", "op"));

        Assert.Equal(StoreErrorCode.UnknownResident, error.Code);
    }

    [Fact]
    public void ImportResidents_WithGroups_StoredAndCountedPerGroup()
    {
        Row Make(int n, string? group) => new(n, group);
        var rows = new[] { Make(1, "staff"), Make(2, "staff"), Make(3, null), Make(4, "night") }
            .Select(r => new ResidentImportRow(new Resident(ResidentId.Parse($"R{r.Number:D4}"), "A", null, ResidentStatus.Active, false), [], null) { AccessGroup = r.Group })
            .ToList();

        Store.ImportResidents(rows, "op");

        Assert.Equal(new Dictionary<string, int> { ["night"] = 1, ["staff"] = 2 }, Store.CountResidentsPerAccessGroup());
        Assert.True(Store.TryGetResidentWithAccessGroup(ResidentId.Parse("R0004"), out _, out var group));
        Assert.Equal("night", group);
    }

    [Fact]
    public void ImportResidents_BadGroupName_NamesRowAndWritesNothing()
    {
        var rows = new[] { new ResidentImportRow(new Resident(ResidentId.Parse("R0001"), "A", null, ResidentStatus.Active, false), [], null) { AccessGroup = "no such/group" } };

        var error = Assert.Throws<StoreException>(() => Store.ImportResidents(rows, "op"));

        Assert.Equal(StoreErrorCode.InvalidImport, error.Code);
        Assert.StartsWith("row 1 (resident R0001): access group", error.Message, StringComparison.Ordinal);
        Assert.Empty(Store.ListResidents());
    }

    [Fact]
    public void Decide_OverTheStore_GroupPolicyBoundAndUndefinedGroupRefused()
    {
        // 2026-03-01 08:00 UTC is a Sunday, 16:00 in Beijing: the weekday group's window is closed.
        var alice = _harness.AddResident("R0001");
        var bob = _harness.AddResident("R0002");
        var carol = _harness.AddResident("R0003");
        Store.AddCard(alice, CardFormat.Mifare, AliceCard, "op");
        Store.AddCard(bob, CardFormat.Mifare, BobCard, "op");
        Store.SetPin(carol, "482913", "op");
        Store.SetAccessGroup(alice, "weekdays", "op");
        Store.SetAccessGroup(carol, "removed-group", "op");
        var door = DoorId.Parse("north-gate");
        var weekdays = DoorPolicy.Create(new DoorPolicyDefinition
        {
            DoorId = door,
            Methods = AccessMethods.Card,
            WeeklySchedule = new Dictionary<DayOfWeek, IReadOnlyList<ScheduleWindow>> { [DayOfWeek.Monday] = [ScheduleWindow.AllDay] },
        });
        var directory = new StoreAccessDirectory(Store);
        var gate = new AccessGate(
            directory,
            new AccessGateOptions
            {
                DefaultPolicy = DoorPolicy.Create(new DoorPolicyDefinition { DoorId = door, Methods = AccessMethods.Card | AccessMethods.Pin }),
                GroupPolicies = new Dictionary<string, DoorPolicy>(StringComparer.Ordinal) { ["weekdays"] = weekdays },
            },
            _harness.Time);
        var now = _harness.Time.GetUtcNow();

        var aliceDecision = gate.Decide(CredentialPresented.ForCard("reader", CardFormat.Mifare, AliceCard, now)).Decision;
        var bobDecision = gate.Decide(CredentialPresented.ForCard("reader", CardFormat.Mifare, BobCard, now)).Decision;
        var carolDecision = gate.Decide(CredentialPresented.ForPin("keypad", "482913", now)).Decision;

        Assert.Equal("weekdays", directory.FindResident(alice)!.AccessGroup);
        Assert.Equal(AccessReason.OutsideSchedule, aliceDecision.Reason);
        Assert.Equal(AccessReason.Granted, bobDecision.Reason);
        Assert.Equal(AccessReason.AccessGroupUnknown, carolDecision.Reason);
        Assert.False(carolDecision.IsGranted);
        _harness.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(AccessReason.Granted, gate.Decide(CredentialPresented.ForCard("reader", CardFormat.Mifare, AliceCard, _harness.Time.GetUtcNow())).Decision.Reason);
    }

    public void Dispose() => _harness.Dispose();

    private sealed record Row(int Number, string? Group);
}
