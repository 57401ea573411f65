using GateController.Core.Access;
using GateController.Core.Credentials;
using GateController.Core.Readers;
using GateController.Core.Residents;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Storage.Tests.Access;

/// <summary>
/// A small community in a directory, and an <see cref="AccessGate"/> over it: R0001 has a card, a PIN and face consent;
/// R0002 a card and a PIN but no face consent; R0003 moved out; R0004 has a card only.
/// </summary>
internal sealed class GateCommunity : IDisposable
{
    public const string Reader = "front";
    public const string Camera = "camera";
    public const string AlicePin = "123456";
    public const string AliceDuressPin = "123457";
    public const string BobPin = "654321";

    public static readonly ResidentId Alice = ResidentId.Parse("R0001");
    public static readonly ResidentId Bob = ResidentId.Parse("R0002");
    public static readonly ResidentId Carol = ResidentId.Parse("R0003");
    public static readonly ResidentId Dave = ResidentId.Parse("R0004");
    public static readonly byte[] AliceCard = [0x04, 0xA1, 0xB2, 0xC3];
    public static readonly byte[] BobCard = [0x01, 0x02, 0x03];
    public static readonly byte[] CarolCard = [0x0C, 0x0A, 0x40];
    public static readonly byte[] DaveCard = [0x0D, 0x0A, 0x0E];
    public static readonly byte[] UnknownCard = [0x99, 0x88, 0x77, 0x66];
    public static readonly DoorId Door = DoorId.Parse("north-gate");

    private GateCommunity(IDirectoryHarness harness) => Harness = harness;

    public static TheoryData<string> DirectoryKinds => ["store", "simulated"];

    public IDirectoryHarness Harness { get; }

    public FakeTimeProvider Time => Harness.Time;

    public AccessGate Gate { get; private set; } = null!;

    public static GateCommunity Create(string kind, AccessMethods methods = AccessMethods.Card | AccessMethods.Pin | AccessMethods.Face | AccessMethods.VisitorCode)
    {
        IDirectoryHarness harness = kind switch
        {
            "store" => new StoreDirectoryHarness(),
            "simulated" => new SimulatedDirectoryHarness(),
            _ => throw new ArgumentException(kind, nameof(kind)),
        };
        var community = new GateCommunity(harness);
        harness.AddResident(Alice);
        harness.AddCard(Alice, CardFormat.Mifare, AliceCard);
        harness.SetPin(Alice, AlicePin);
        harness.ConsentAndEnrollFace(Alice);
        harness.AddResident(Bob);
        harness.AddCard(Bob, CardFormat.Wiegand26, BobCard);
        harness.SetPin(Bob, BobPin);
        harness.AddResident(Carol);
        harness.AddCard(Carol, CardFormat.Mifare, CarolCard);
        harness.MoveOut(Carol);
        harness.AddResident(Dave);
        harness.AddCard(Dave, CardFormat.Mifare, DaveCard);
        community.Gate = community.CreateGate(methods);
        return community;
    }

    public AccessGate CreateGate(AccessMethods methods) => new(
        Harness.Directory,
        new AccessGateOptions
        {
            DefaultPolicy = DoorPolicy.Create(new DoorPolicyDefinition { DoorId = Door, Methods = methods }),
            PinAttempts = new PinAttemptOptions { DuressTransformation = DuressPinTransformation.LastDigitPlusOne },
        },
        Harness.Time);

    public CredentialPresented Card(byte[] uid, CardFormat format = CardFormat.Mifare) => CredentialPresented.ForCard(Reader, format, uid, Harness.Time.GetUtcNow());

    public CredentialPresented Pin(string digits) => CredentialPresented.ForPin(Reader, digits, Harness.Time.GetUtcNow());

    public CredentialPresented VisitorCode(string digits) => CredentialPresented.ForVisitorCode(Reader, digits, Harness.Time.GetUtcNow());

    public CredentialPresented Face(ResidentId resident, bool liveness = true) => CredentialPresented.ForFace(Camera, resident, liveness, Harness.Time.GetUtcNow());

    public void Dispose() => Harness.Dispose();

    public override string ToString() => Harness.ToString() ?? string.Empty;
}
