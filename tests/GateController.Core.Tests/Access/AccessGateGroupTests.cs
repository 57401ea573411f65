using GateController.Core.Access;
using GateController.Core.Credentials;
using GateController.Core.Readers;
using GateController.Core.Residents;
using Microsoft.Extensions.Time.Testing;
using static GateController.Core.Tests.Access.AccessFixtures;

namespace GateController.Core.Tests.Access;

/// <summary>The gate binds each resident's access group to that group's policy; a group it has no policy for is refused.</summary>
public sealed class AccessGateGroupTests
{
    private static readonly Dictionary<string, DoorPolicy> Groups = new(StringComparer.Ordinal)
    {
        // Office hours (weekdays 07:00–19:00) by card or PIN.
        ["day-staff"] = OfficeHours(AccessMethods.Card | AccessMethods.Pin),

        // Any time, but by card only.
        ["cards-only"] = Policy(AccessMethods.Card),
    };

    public static TheoryData<string?, string, int, AccessReason> Cases => new()
    {
        // group, credential, hour (Beijing, Wednesday 2026-11-25), expected
        { null, "card", 23, AccessReason.Granted },
        { null, "pin", 23, AccessReason.Granted },
        { "day-staff", "card", 10, AccessReason.Granted },
        { "day-staff", "card", 23, AccessReason.OutsideSchedule },
        { "day-staff", "pin", 6, AccessReason.OutsideSchedule },
        { "cards-only", "card", 23, AccessReason.Granted },
        { "cards-only", "pin", 10, AccessReason.MethodNotAllowed },
        { "gone", "card", 10, AccessReason.AccessGroupUnknown },
        { "gone", "pin", 10, AccessReason.AccessGroupUnknown },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_ResidentsGroup_JudgedUnderThatGroupsPolicy(string? group, string credential, int hour, AccessReason expected)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, hour, 0, 0, Beijing));
        var gate = new AccessGate(
            new OneResidentDirectory(group),
            new AccessGateOptions { DefaultPolicy = Policy(AccessMethods.Card | AccessMethods.Pin), GroupPolicies = Groups },
            time);

        var decision = gate.Decide(credential == "card"
            ? CredentialPresented.ForCard("reader", CardFormat.Mifare, AliceUid, time.GetUtcNow())
            : CredentialPresented.ForPin("keypad", OneResidentDirectory.AlicePin, time.GetUtcNow()));

        Assert.Equal(expected, decision.Decision.Reason);
        Assert.Equal(expected == AccessReason.Granted, decision.Decision.IsGranted);
        // A method the door does not take names nobody, as everywhere else.
        Assert.Equal(expected == AccessReason.MethodNotAllowed ? null : Alice.Id, decision.Decision.ResidentId);
    }

    [Fact]
    public void Decide_UnknownGroupAtACardAndPinDoor_RefusedWithoutWaitingForThePin()
    {
        var time = new FakeTimeProvider(WednesdayMorning);
        var gate = new AccessGate(
            new OneResidentDirectory("gone"),
            new AccessGateOptions { DefaultPolicy = Policy(AccessMethods.CardAndPin | AccessMethods.Pin), GroupPolicies = Groups },
            time);

        var decision = gate.Decide(CredentialPresented.ForCard("reader", CardFormat.Mifare, AliceUid, time.GetUtcNow()));

        Assert.Equal(AccessReason.AccessGroupUnknown, decision.Decision.Reason);
        Assert.False(gate.IsAwaitingPin("reader"));
    }

    [Fact]
    public void AccessGroups_Configured_ListsThem()
    {
        var gate = new AccessGate(new OneResidentDirectory(null), new AccessGateOptions { DefaultPolicy = Policy(AccessMethods.Card), GroupPolicies = Groups }, new FakeTimeProvider(WednesdayMorning));

        Assert.Equal(["cards-only", "day-staff"], gate.AccessGroups.Order(StringComparer.Ordinal));
    }

    /// <summary>Alice with her card and PIN, in <c>group</c>.</summary>
    private sealed class OneResidentDirectory(string? group) : IAccessDirectory
    {
        public const string AlicePin = "482913";

        public CardCredential? FindCard(CardFormat format, ReadOnlySpan<byte> uid) => uid.SequenceEqual(AliceUid) ? AliceCard() : null;

        public PinCredential? FindPinHolder(string pin) => pin == AlicePin ? new PinCredential(Alice.Id, ValidityWindow.Always) : null;

        public bool VerifyPin(ResidentId residentId, string pin) => residentId == Alice.Id && pin == AlicePin;

        public VisitorCodeCredential? FindVisitorCode(string code) => null;

        public bool TryConsumeVisitorCode(string code, DateTimeOffset at) => false;

        public DirectoryResident? FindResident(ResidentId residentId) => residentId == Alice.Id ? new DirectoryResident(Alice, group) : null;

        public bool HasActiveFaceConsent(ResidentId residentId, DateTimeOffset at) => false;

        public FaceCredential? FindFace(ResidentId residentId) => null;

        public bool WithdrawFaceConsentAtGate(ResidentId residentId, DateTimeOffset at) => false;
    }
}
