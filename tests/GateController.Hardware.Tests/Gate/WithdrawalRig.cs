using GateController.Core.Access;
using GateController.Core.Consents;
using GateController.Core.Credentials;
using GateController.Core.Events;
using GateController.Core.Readers;
using GateController.Core.Residents;
using GateController.Hardware.Gate;
using GateController.Hardware.Keypad;
using GateController.Hardware.Tests.Door;
using GateController.Simulation.Access;

namespace GateController.Hardware.Tests.Gate;

/// <summary>
/// A door with a combined card reader and keypad: raw keypad → <see cref="GateWithdrawalRouter"/> → <see cref="PinEntry"/>
/// → <see cref="AccessPipeline"/> → <see cref="DoorAccessDecider"/> (an <see cref="AccessGate"/> over a simulated
/// directory) → the door. Alice and Bob have cards, PINs and face consent; Carol a card without face consent.
/// </summary>
internal sealed class WithdrawalRig : IDisposable
{
    public const string AlicePin = "123456";
    public const string BobPin = "654321";

    public static readonly ResidentId Alice = ResidentId.Parse("R0001");
    public static readonly ResidentId Bob = ResidentId.Parse("R0002");
    public static readonly ResidentId Carol = ResidentId.Parse("R0003");
    public static readonly byte[] AliceCard = [0x0A, 0x11, 0x01];
    public static readonly byte[] BobCard = [0x0B, 0x22, 0x02];
    public static readonly byte[] CarolCard = [0x0C, 0x33, 0x03];
    public static readonly byte[] UnknownCard = [0x0F, 0xFF, 0x0F];

    private readonly DoorRig _rig = new();
    private readonly ScriptedReader _keypad = new("front");

    public WithdrawalRig()
    {
        Directory = new SimulatedAccessDirectory(DuressPinTransformation.LastDigitPlusOne);
        AddResident(Alice, AliceCard, AlicePin, consent: true);
        AddResident(Bob, BobCard, BobPin, consent: true);
        AddResident(Carol, CarolCard, null, consent: false);
        var options = new AccessGateOptions
        {
            DefaultPolicy = DoorPolicy.Create(new DoorPolicyDefinition { DoorId = DoorId.Parse("north-gate"), Methods = AccessMethods.Card | AccessMethods.Pin | AccessMethods.Face }),
        };
        Gate = new AccessGate(Directory, options, _rig.Time);
        Router = new GateWithdrawalRouter(_keypad, Gate.DoorId, Directory, options.Withdrawal, _rig.Time);
        PinEntry = new PinEntry(Router, new PinEntryOptions { FollowUpWindowMilliseconds = 0 }, _rig.Time);
        Decider = new DoorAccessDecider(Gate, [Router]);
        Pipeline = new AccessPipeline(_rig.Door, [PinEntry], Decider.Decide, new AccessPipelineOptions(), _rig.Time);
        Router.Signalled += (_, signal) =>
        {
            Signals.Add(signal);
            _rig.Door.Respond(signal.Response);
        };
        Router.FaceConsentWithdrawn += (_, withdrawn) => Withdrawn.Add(withdrawn);
        Decider.Decided += (_, decision) => Decisions.Add(decision);
        _rig.Door.Start();
    }

    public SimulatedAccessDirectory Directory { get; }

    public AccessGate Gate { get; }

    public GateWithdrawalRouter Router { get; }

    public PinEntry PinEntry { get; }

    public DoorAccessDecider Decider { get; }

    public AccessPipeline Pipeline { get; }

    public List<GateWithdrawalSignal> Signals { get; } = [];

    public List<FaceConsentWithdrawnAtGate> Withdrawn { get; } = [];

    public List<GateDecision> Decisions { get; } = [];

    public Core.Door.DoorOutputs Outputs => _rig.Machine.Outputs;

    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Time => _rig.Time;

    public DateTimeOffset Now => _rig.Time.GetUtcNow();

    public bool HasFace(ResidentId id) => Directory.HasActiveFaceConsent(id, Now) && Directory.FindFace(id) is not null;

    /// <summary>Taps a card at the keypad's reader and lets the door path decide it.</summary>
    public GateDecision Tap(byte[] uid)
    {
        _keypad.Card(uid, Now);
        Assert.Equal(1, Pipeline.ProcessPending());
        return Decisions[^1];
    }

    /// <summary>Types <paramref name="keys"/>, 300 ms apart, and lets the door path decide any PIN they made.</summary>
    public void Type(string keys)
    {
        foreach (var key in keys)
        {
            _keypad.Key(key, Now);
            Pipeline.ProcessPending();
            _rig.Time.Advance(TimeSpan.FromMilliseconds(300));
        }
    }

    /// <summary>A face of <paramref name="resident"/> seen by the camera, decided at this door.</summary>
    public GateDecision Face(ResidentId resident)
    {
        Decider.Decide(CredentialPresented.ForFace("camera", resident, livenessPassed: true, Now));
        return Decisions[^1];
    }

    public void Dispose()
    {
        Pipeline.Dispose();
        PinEntry.Dispose();
        Router.Dispose();
        _rig.Dispose();
    }

    private void AddResident(ResidentId id, byte[] card, string? pin, bool consent)
    {
        Directory.AddResident(new Resident(id, "Name " + id.Value, null, ResidentStatus.Active, IsMinor: false));
        Directory.AddCard(id, CardFormat.Wiegand26, card, ValidityWindow.Always);
        if (pin is not null)
        {
            Directory.SetPin(id, pin, ValidityWindow.Always);
        }

        if (consent)
        {
            Directory.RecordConsent(new ConsentRecord
            {
                ResidentId = id,
                Kind = ConsentKind.Face,
                NoticeVersion = "1.0",
                NoticeSha256 = ConsentRecord.HashNotice("notice"),
                Channel = ConsentChannel.Office,
                FormNumber = "F-1",
                Operator = "office",
                GivenAt = _rig.Time.GetUtcNow(),
            });
            Directory.EnrollFace(id, new FaceTemplateId(id == Alice ? 1 : 2), ValidityWindow.Always);
        }
    }
}
