using System.Runtime.InteropServices;
using GateController.Core.Access;
using GateController.Core.Consents;
using GateController.Core.Credentials;
using GateController.Core.Events;
using GateController.Core.Readers;
using GateController.Hardware.Gate;
using GateController.Storage.Access;
using GateController.Storage.Audit;

namespace GateController.Storage.Tests.Access;

/// <summary>Withdrawal at the gate over the real store: keypad keys → router → store, with the access gate deciding.</summary>
public sealed class StoreWithdrawalAtGateTests : IDisposable
{
    private static readonly byte[] AliceCard = [0x04, 0x01, 0x02, 0x03];
    private static readonly byte[] UnknownCard = [0x04, 0x09, 0x09, 0x09];

    private readonly StoreHarness _harness = new();
    private readonly ScriptedReader _keypad = new("front");
    private readonly AccessGate _gate;
    private readonly GateWithdrawalRouter _router;
    private readonly DoorAccessDecider _decider;
    private readonly List<FaceConsentWithdrawnAtGate> _withdrawn = [];
    private readonly float[] _template = StoreHarness.Embedding(42);

    public StoreWithdrawalAtGateTests()
    {
        var alice = _harness.AddResident("R0001");
        _harness.Store.AddCard(alice, CardFormat.Mifare, AliceCard, "op");
        _harness.Store.SetPin(alice, "123456", "op");
        _harness.GiveFaceConsent(alice);
        _harness.Store.AddFaceTemplate(alice, "model-1", _template, "op");
        var directory = new StoreAccessDirectory(_harness.Store);
        var options = new AccessGateOptions
        {
            DefaultPolicy = DoorPolicy.Create(new DoorPolicyDefinition { DoorId = DoorId.Parse("north-gate"), Methods = AccessMethods.Card | AccessMethods.Pin | AccessMethods.Face }),
        };
        _gate = new AccessGate(directory, options, _harness.Time);
        _router = new GateWithdrawalRouter(_keypad, _gate.DoorId, directory, options.Withdrawal, _harness.Time);
        _router.FaceConsentWithdrawn += (_, e) => _withdrawn.Add(e);
        _decider = new DoorAccessDecider(_gate, [_router]);
    }

    [Fact]
    public void OwnCardThenSequence_DeletesTemplatesFromTheFileAuditsGateAndCardStillOpens()
    {
        var alice = Core.Residents.ResidentId.Parse("R0001");
        Assert.Equal(DoorResponse.Grant, _decider.Decide(Card(AliceCard)));

        Type("*7#1");

        Assert.Equal(alice, Assert.Single(_withdrawn).ResidentId);
        Assert.Empty(_harness.Store.ListFaceTemplates(alice));
        Assert.Empty(_harness.Store.LoadFaceTemplates());
        Assert.Equal(ConsentChannel.Gate, Assert.Single(_harness.Store.ListConsents(alice)).WithdrawalChannel);
        Assert.Contains(_harness.Store.ReadAudit(1, 100), e => e.Action == AuditAction.ConsentWithdrawn && e.Resident == alice && e.Detail!.Contains("Gate", StringComparison.Ordinal));
        Assert.Equal(DoorResponse.Grant, _decider.Decide(Card(AliceCard)));
        Assert.Equal(AccessReason.UnknownCredential, _gate.Decide(CredentialPresented.ForFace("camera", alice, true, _harness.Time.GetUtcNow())).Reason);
        Assert.True(_harness.Store.VerifyAudit().IsIntact);
        _harness.Close();
        Assert.False(_harness.DatabaseFilesContain(MemoryMarshal.AsBytes(_template.AsSpan())));
    }

    [Fact]
    public void UnknownCardThenSequence_ChangesNothingInTheStore()
    {
        var alice = Core.Residents.ResidentId.Parse("R0001");
        var auditEntries = _harness.Store.ReadAudit(1, 1000).Count;
        Assert.Equal(DoorResponse.Deny, _decider.Decide(Card(UnknownCard)));

        Type("*7#1");

        Assert.Empty(_withdrawn);
        Assert.Single(_harness.Store.ListFaceTemplates(alice));
        Assert.True(Assert.Single(_harness.Store.ListConsents(alice)).IsActive);
        Assert.Equal(auditEntries, _harness.Store.ReadAudit(1, 1000).Count);
    }

    public void Dispose()
    {
        _router.Dispose();
        _harness.Dispose();
    }

    private CredentialPresented Card(byte[] uid) => CredentialPresented.ForCard(_keypad.ReaderId, CardFormat.Mifare, uid, _harness.Time.GetUtcNow());

    private void Type(string keys)
    {
        foreach (var key in keys)
        {
            _keypad.Key(key, _harness.Time.GetUtcNow());
            _harness.Time.Advance(TimeSpan.FromMilliseconds(300));
        }
    }
}
