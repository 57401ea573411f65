using System.Text;
using System.Text.Json;
using GateController.Core.Access;
using GateController.Core.Door;
using GateController.Core.Events;
using GateController.Core.Residents;
using GateController.Telemetry.Events;

namespace GateController.Telemetry.Tests.Events;

public sealed class TelemetryEventPrivacyTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 18, 2, 0, TimeSpan.Zero);

    // What the unit knows about the people behind these events; none of it may reach the wire.
    private static readonly string[] PersonalData =
    [
        "Zhang San", "Zhang", "张三", "Li Si", "李四",
        "04A1B2C3D4", "04a1b2c3d4", "3735928559", "DEADBEEF", "deadbeef",
        "482913", "731946", "lobby-keypad",
    ];

    private static readonly ResidentId ZhangSan = ResidentId.Parse("R0042");
    private static readonly ResidentId LiSi = ResidentId.Parse("R0107");

    public static TheoryData<bool> Configurations => new() { true, false };

    private static IEnumerable<TelemetryEvent> SampleEvents()
    {
        var door = DoorId.Parse("north-gate");
        foreach (var reason in Enum.GetValues<AccessReason>())
        {
            foreach (var method in Enum.GetValues<AccessMethods>())
            {
                yield return TelemetryEventMapper.Map(new AccessDecided(door, At, reason, method, ZhangSan));
            }
        }

        yield return TelemetryEventMapper.Map(new KeypadLockedOut(door, At, "lobby-keypad", 5, At.AddMinutes(5)));
        yield return TelemetryEventMapper.Map(new DuressAlarmRaised(door, At, LiSi));
        foreach (var kind in Enum.GetValues<DoorEventKind>())
        {
            foreach (var cause in Enum.GetValues<DoorEventCause>())
            {
                if (TelemetryEventMapper.TryMap(new DoorEvent(kind, At, cause, TimeSpan.FromSeconds(3)), door, out var mapped))
                {
                    yield return mapped;
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void MappedPayloads_SampleInputs_CarryNoNameCardOrPin(bool publishResidentIds)
    {
        var payloads = SampleEvents()
            .Select((e, i) => Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(EventDocument.From(e, i, publishResidentIds), TelemetryJsonContext.Default.EventDocument)))
            .ToArray();

        Assert.True(payloads.Length > 100);
        foreach (var payload in payloads)
        {
            foreach (var secret in PersonalData)
            {
                Assert.DoesNotContain(secret, payload, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void MappedPayloads_ResidentIds_OnlyWhenConfigured(bool publishResidentIds)
    {
        var payloads = string.Join('\n', SampleEvents()
            .Select((e, i) => JsonSerializer.Serialize(EventDocument.From(e, i, publishResidentIds), TelemetryJsonContext.Default.EventDocument)));

        Assert.Equal(publishResidentIds, payloads.Contains("R0042", StringComparison.Ordinal));
        Assert.Equal(publishResidentIds, payloads.Contains("R0107", StringComparison.Ordinal));
    }

    [Fact]
    public void MappedPayload_Fields_OnlyTheEventDocumentFields()
    {
        var mapped = TelemetryEventMapper.Map(new DuressAlarmRaised(DoorId.Parse("north-gate"), At, LiSi));

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(EventDocument.From(mapped, 9, includeResidentId: true), TelemetryJsonContext.Default.EventDocument));

        Assert.Equal(
            ["alarm", "at", "door", "kind", "method", "reason", "resident", "sequence"],
            json.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Duress", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal("duress-pin", json.RootElement.GetProperty("reason").GetString());
    }
}
