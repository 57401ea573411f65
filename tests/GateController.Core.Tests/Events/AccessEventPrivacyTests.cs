using System.Text.Json;
using GateController.Core.Access;
using GateController.Core.Credentials;
using GateController.Core.Events;
using GateController.Core.Residents;

namespace GateController.Core.Tests.Events;

public sealed class AccessEventPrivacyTests
{
    private const string Pin = "739215";
    private const string Name = "Zhang Wei";
    private const string Room = "7-1503";
    private static readonly byte[] Uid = [0xC0, 0xFF, 0xEE, 0x42];
    private static readonly DateTimeOffset At = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DoorId Door = DoorId.Parse("north-gate");
    private static readonly Resident Resident = new(ResidentId.Parse("R0042"), Name, Room, ResidentStatus.Active, false);

    private static readonly Type[] AllowedFieldTypes =
    [
        typeof(DoorId), typeof(DateTimeOffset), typeof(AccessReason), typeof(AccessMethods), typeof(ResidentId?), typeof(ResidentId), typeof(string), typeof(int),
    ];

    [Fact]
    public void EventTypes_PublicProperties_HoldOnlyIdsTimesAndCodes()
    {
        var eventTypes = typeof(AccessEvent).Assembly.GetTypes().Where(t => t.IsAssignableTo(typeof(AccessEvent))).ToList();

        Assert.Contains(typeof(AccessDecided), eventTypes);
        Assert.Contains(typeof(KeypadLockedOut), eventTypes);
        Assert.Contains(typeof(DuressAlarmRaised), eventTypes);
        Assert.Contains(typeof(FaceConsentWithdrawnAtGate), eventTypes);
        foreach (var type in eventTypes)
        {
            foreach (var property in type.GetProperties().Where(p => p.Name != "EqualityContract"))
            {
                Assert.True(AllowedFieldTypes.Contains(property.PropertyType), $"{type.Name}.{property.Name} is a {property.PropertyType.Name}");
            }
        }
    }

    [Fact]
    public void Events_ForEveryDecisionAndAlarm_NeverContainUidPinNameOrRoom()
    {
        var events = new List<AccessEvent>();
        var card = new CardCredential(Resident.Id, CardFormat.Mifare, Uid, default);
        var policy = DoorPolicy.Create(new DoorPolicyDefinition { DoorId = Door, Methods = AccessMethods.Card | AccessMethods.Pin | AccessMethods.Face });
        var tracker = new PinAttemptTracker(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(At), new PinAttemptOptions());
        foreach (var reason in Enum.GetValues<AccessReason>())
        {
            events.Add(AccessDecided.From(Door, At, new AccessDecision(reason, AccessMethods.Card, Resident.Id, false)));
        }

        events.Add(AccessDecided.From(Door, At, AccessPolicy.Decide(PresentedCredential.Card(), CredentialLookup.Found(Resident, card), policy, At)));
        var presented = PresentedCredential.From(Core.Readers.CredentialPresented.ForPin("keypad-1", Pin, At));
        for (var i = 0; i < 5; i++)
        {
            if (tracker.Record(Door, "keypad-1", presented, AccessPolicy.Decide(presented, CredentialLookup.NotFound, policy, At)) is { } alarm)
            {
                events.Add(alarm);
            }
        }

        events.Add(new DuressAlarmRaised(Door, At, Resident.Id));
        Assert.Contains(events, e => e is KeypadLockedOut);

        var forbidden = new[] { Pin, Name, Room, Convert.ToHexString(Uid), Convert.ToHexStringLower(Uid), Convert.ToBase64String(Uid), "192,255,238,66" };
        foreach (var accessEvent in events)
        {
            var texts = new[] { accessEvent.ToString(), JsonSerializer.Serialize(accessEvent, accessEvent.GetType()) };
            foreach (var text in texts)
            {
                foreach (var secret in forbidden)
                {
                    Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
                }
            }
        }

        Assert.Contains("R0042", events[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void From_FaceNotConsented_ReportsUnknownNamingNobody()
    {
        var decision = new AccessDecision(AccessReason.FaceNotConsented, AccessMethods.Face, Resident.Id, false);

        var decided = AccessDecided.From(Door, At, decision);

        Assert.Equal(AccessReason.UnknownCredential, decided.Reason);
        Assert.Null(decided.ResidentId);
    }

    [Fact]
    public void From_DuressGrant_LooksLikeOrdinaryGrant()
    {
        var duress = AccessDecided.From(Door, At, new AccessDecision(AccessReason.Granted, AccessMethods.Pin, Resident.Id, IsDuress: true));
        var ordinary = AccessDecided.From(Door, At, new AccessDecision(AccessReason.Granted, AccessMethods.Pin, Resident.Id, IsDuress: false));

        Assert.Equal(ordinary, duress);
        Assert.Equal(ordinary.ToString(), duress.ToString());
    }
}
