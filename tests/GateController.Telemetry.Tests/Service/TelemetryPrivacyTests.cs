using System.Text;
using GateController.Core.Credentials;
using GateController.Core.Readers;
using GateController.Core.Residents;
using GateController.Telemetry.Events;
using GateController.Telemetry.Health;
using GateController.Telemetry.Mqtt;
using GateController.Telemetry.Tests.Support;

namespace GateController.Telemetry.Tests.Service;

/// <summary>P7: nothing personal leaves the unit over MQTT.</summary>
public sealed class TelemetryPrivacyTests : IClassFixture<BrokerFixture>
{
    private static readonly (Resident Resident, byte[] CardUid, string Pin, byte[] Template)[] Residents = MakeResidents();
    private readonly BrokerFixture _broker;

    public TelemetryPrivacyTests(BrokerFixture broker) => _broker = broker;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EndToEnd_EveryPublishedPayload_HasNoNameCardUidPinOrTemplateBytes(bool publishResidentIds)
    {
        await using var harness = await ServiceHarness.StartAsync(_broker.Port, o =>
        {
            o.PublishResidentIds = publishResidentIds;
            o.HomeAssistantDiscovery = true;
        });
        harness.Health = harness.Health with
        {
            Readers = [HealthReader.From(new ReaderHealth("front", ReaderState.Ok, harness.Time.GetUtcNow(), 40, 2, "bad parity"))],
            Store = new HealthStoreCounts { Residents = Residents.Length, Cards = Residents.Length, FaceTemplates = Residents.Length, ActiveConsents = Residents.Length },
            Degraded = [new HealthSubsystem("face", "model not loaded", harness.Time.GetUtcNow())],
        };
        using var everything = await MessageCollector.StartAsync(_broker.Port, "#");

        // The door path: every resident uses card, PIN and face; some are denied; alarms happen.
        foreach (var (resident, cardUid, pin, _) in Residents)
        {
            var card = CredentialPresented.ForCard("front", CardFormat.Mifare, cardUid, harness.Time.GetUtcNow());
            var keyed = CredentialPresented.ForPin("keypad", pin, harness.Time.GetUtcNow());
            Assert.NotNull(card.ToString());
            Assert.NotNull(keyed.ToString());
            harness.Service.Enqueue(new TelemetryEvent(TelemetryEventKind.AccessGranted, harness.Time.GetUtcNow(), "front") { Method = card.Kind, ResidentId = resident.Id });
            harness.Service.Enqueue(new TelemetryEvent(TelemetryEventKind.AccessGranted, harness.Time.GetUtcNow(), "front") { Method = keyed.Kind, ResidentId = resident.Id });
            harness.Service.Enqueue(new TelemetryEvent(TelemetryEventKind.AccessDenied, harness.Time.GetUtcNow(), "front", "face-consent-withdrawn") { Method = CredentialKind.Face, ResidentId = resident.Id });
            harness.Service.Enqueue(new TelemetryEvent(TelemetryEventKind.Duress, harness.Time.GetUtcNow(), "front") { Method = CredentialKind.Pin, ResidentId = resident.Id });
        }

        harness.Service.NotifyHealthChanged();
        var expectedEvents = Residents.Length * 4;
        await everything.WaitForAsync(list => list.Count(m => m.Topic == harness.Topics.Events) == expectedEvents);
        everything.Client.Publish(harness.Topics.Command("ping"), CommandFactory.Build(harness.Options.UnitId, "ping", harness.Time.GetUtcNow()), MqttQualityOfService.AtLeastOnce, false);
        await everything.WaitForTopicAsync(harness.Topics.Reply("ping"));
        await harness.StopAsync();
        await everything.WaitForTopicAsync(harness.Topics.Status, p => p == TelemetryStatus.Stopped);

        var payloads = everything.Snapshot().Where(m => m.Topic.Contains(harness.Options.UnitId, StringComparison.Ordinal)).ToArray();
        Assert.Contains(payloads, m => m.Topic == harness.Topics.Health);
        foreach (var message in payloads)
        {
            var bytes = message.Payload.ToArray();
            var text = Encoding.UTF8.GetString(bytes);
            foreach (var (resident, cardUid, pin, template) in Residents)
            {
                Assert.DoesNotContain(resident.Name, text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(resident.Room!, text, StringComparison.Ordinal);
                Assert.DoesNotContain(Convert.ToHexString(cardUid), text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(Convert.ToBase64String(cardUid), text, StringComparison.Ordinal);
                Assert.DoesNotContain(BitConverter.ToUInt32(cardUid).ToString(System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
                Assert.DoesNotContain(pin, text, StringComparison.Ordinal);
                Assert.Equal(-1, bytes.AsSpan().IndexOf(cardUid));
                Assert.Equal(-1, bytes.AsSpan().IndexOf(template.AsSpan(0, 16)));
                Assert.DoesNotContain(Convert.ToBase64String(template)[..20], text, StringComparison.Ordinal);
            }
        }

        var eventsText = string.Concat(payloads.Where(m => m.Topic == harness.Topics.Events).Select(MessageCollector.Text));
        Assert.Equal(publishResidentIds, Residents.All(r => eventsText.Contains(r.Resident.Id.Value, StringComparison.Ordinal)));
    }

    private static (Resident, byte[], string, byte[])[] MakeResidents()
    {
        var random = new Random(7);
        string[] names = ["Zhang Wei", "李娜", "Wang Fang", "刘洋", "Chen Jing"];
        return names.Select((name, i) =>
        {
            var uid = new byte[4];
            random.NextBytes(uid);
            var template = new byte[512 * 4];
            random.NextBytes(template);
            var pin = random.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture) + "7";
            var resident = new Resident(ResidentId.Parse($"R{9100 + i}"), name, $"3-{201 + i}", ResidentStatus.Active, false);
            return (resident, uid, pin, template);
        }).ToArray();
    }
}
