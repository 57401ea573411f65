using GateController.Core.Access;
using GateController.Core.Privacy;

namespace GateController.Core.Tests.Privacy;

public sealed class PrivacyImpactFactsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 8, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void From_TypicalUnit_CollectedItemsFollowEnabledMethods()
    {
        var facts = PrivacyImpactFacts.From(Inputs(), Now);

        Assert.True(facts.FaceEnabled);
        var kinds = facts.Collected.Select(c => c.Kind).ToList();
        Assert.Contains(kinds, k => k.StartsWith("card identifiers", StringComparison.Ordinal));
        Assert.Contains(kinds, k => k.StartsWith("PINs", StringComparison.Ordinal));
        Assert.DoesNotContain(kinds, k => k.StartsWith("visitor codes", StringComparison.Ordinal));
        var face = Assert.Single(facts.Collected, c => c.Kind.StartsWith("face templates", StringComparison.Ordinal));
        Assert.True(face.Sensitive);
        Assert.Contains("no face image is stored", face.StoredAs, StringComparison.Ordinal);
        Assert.Contains("AES-256-GCM", face.StoredAs, StringComparison.Ordinal);
        Assert.Contains("365 days", face.Retention, StringComparison.Ordinal);
        Assert.Equal(3, facts.Retention.ProcessingRecordYears);
        Assert.Equal(90, facts.Retention.AccessEventDays);
    }

    [Fact]
    public void From_FaceDisabled_NoFaceTemplatesCollected()
    {
        var inputs = Inputs();
        inputs.FaceEnabled = false;

        var facts = PrivacyImpactFacts.From(inputs, Now);

        Assert.False(facts.FaceEnabled);
        Assert.DoesNotContain(facts.Collected, c => c.Kind.StartsWith("face templates", StringComparison.Ordinal));
        Assert.Contains(facts.Findings, f => f.Contains("face templates are stored although no door uses face", StringComparison.Ordinal));
    }

    [Fact]
    public void From_Roles_ListPermissionsAndWhoReachesFaceData()
    {
        var facts = PrivacyImpactFacts.From(Inputs(), Now);

        var office = Assert.Single(facts.Roles, r => r.Role == "office");
        Assert.True(office.CanReachFaceData);
        Assert.Contains("Export", office.Permissions);
        var guard = Assert.Single(facts.Roles, r => r.Role == "guard");
        Assert.False(guard.CanReachFaceData);
        Assert.Equal(["ReleaseDoor"], guard.Permissions);
    }

    [Fact]
    public void From_OperatorsPerRole_CountedPerRoleAndZeroForRolesWithoutAccounts()
    {
        var inputs = Inputs();
        inputs.OperatorsPerRole = new Dictionary<string, int>(StringComparer.Ordinal) { ["office"] = 3, ["guard"] = 1 };

        var facts = PrivacyImpactFacts.From(inputs, Now);
        var text = PrivacyImpactReport.ToText(facts);

        Assert.Equal(3, Assert.Single(facts.Roles, r => r.Role == "office").Operators);
        Assert.Equal(1, Assert.Single(facts.Roles, r => r.Role == "guard").Operators);
        Assert.Equal(0, Assert.Single(facts.Roles, r => r.Role == "installer").Operators);
        Assert.Contains("; 3 operator account(s)", text, StringComparison.Ordinal);
        Assert.Equal([3, 1], PrivacyImpactReport.FromJson(PrivacyImpactReport.ToJson(facts))!.Roles.Where(r => r.Operators > 0).Select(r => r.Operators));
    }

    [Theory]
    [InlineData("nobody-role", 1, "role 'nobody-role' is not one of the roles listed")]
    [InlineData("office", -1, "role 'office' has -1 operators")]
    public void From_BadOperatorsPerRole_ProblemNamesTheSetting(string role, int count, string expected)
    {
        var inputs = Inputs();
        inputs.OperatorsPerRole = new Dictionary<string, int>(StringComparer.Ordinal) { [role] = count };

        var exception = Assert.Throws<ArgumentException>(() => PrivacyImpactFacts.From(inputs, Now));

        Assert.Contains("OperatorsPerRole: " + expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToText_VisitorCodes_ActiveAndIssuedInThePeriod()
    {
        var inputs = Inputs();
        inputs.Counts = inputs.Counts! with { ActiveVisitorCodes = 4, VisitorCodesIssued = 17, VisitorCodesIssuedSince = Now.AddDays(-30) };

        var facts = PrivacyImpactFacts.From(inputs, Now);
        var text = PrivacyImpactReport.ToText(facts);

        Assert.Contains($"visitor codes active 4, issued since {Now.AddDays(-30).ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture)}: 17", text, StringComparison.Ordinal);
        Assert.Equal(facts.Counts, PrivacyImpactReport.FromJson(PrivacyImpactReport.ToJson(facts))!.Counts);
    }

    [Theory]
    [InlineData(null, false, 0)]
    [InlineData("broker.local", false, 1)]
    [InlineData("broker.local", true, 1)]
    public void From_Mqtt_OnlyDestinationIsTheBroker(string? broker, bool publishesIds, int destinations)
    {
        var inputs = Inputs();
        inputs.MqttBrokerHost = broker;
        inputs.MqttPublishesResidentIds = publishesIds;

        var facts = PrivacyImpactFacts.From(inputs, Now);

        Assert.Equal(destinations, facts.NetworkDestinations.Count);
        if (broker is not null)
        {
            var destination = facts.NetworkDestinations[0];
            Assert.Equal(broker, destination.Host);
            Assert.Equal("MQTT", destination.Protocol);
            Assert.Equal(publishesIds, destination.CarriesIdentity);
            Assert.Contains("no names, card numbers, PINs, images or templates", destination.Content, StringComparison.Ordinal);
        }

        Assert.Equal(publishesIds, facts.Findings.Any(f => f.Contains("pseudonymous resident ids", StringComparison.Ordinal)));
    }

    [Fact]
    public void From_FaceOnlyDoor_FindingNamesTheDoor()
    {
        var inputs = Inputs();
        inputs.Doors = [new PrivacyImpactDoor(DoorId.Parse("garden"), AccessMethods.Face)];

        var facts = PrivacyImpactFacts.From(inputs, Now);

        Assert.False(Assert.Single(facts.Doors).HasNonFaceMethod);
        Assert.Contains(facts.Findings, f => f.StartsWith("door garden:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(79_999L, false)]
    [InlineData(80_000L, true)]
    public void From_ManyTemplates_ScaleWarningInFindings(long templates, bool warned)
    {
        var inputs = Inputs();
        inputs.Counts = inputs.Counts! with { FaceTemplates = templates, ActiveFaceConsents = 100_000 };

        var facts = PrivacyImpactFacts.From(inputs, Now);

        Assert.Equal(warned ? FaceTemplateScaleLevel.Warning : FaceTemplateScaleLevel.None, facts.FaceTemplateScale.Level);
        Assert.Equal(warned, facts.Findings.Any(f => f.Contains("filing threshold", StringComparison.Ordinal)));
    }

    [Fact]
    public void From_InvalidInputs_ThrowsListingEveryProblem()
    {
        var inputs = new PrivacyImpactInputs { AccessEventRetentionDays = 0, MqttBrokerHost = " " };

        var exception = Assert.Throws<ArgumentException>(() => PrivacyImpactFacts.From(inputs, Now));

        foreach (var setting in new[] { "UnitId", "StoreLocation", "Doors", "AccessEventRetentionDays", "MqttBrokerHost", "Encryption", "Counts" })
        {
            Assert.Contains(setting + ":", exception.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ToJson_Facts_CamelCaseAndRoundTrips()
    {
        var facts = PrivacyImpactFacts.From(Inputs(), Now);

        var json = PrivacyImpactReport.ToJson(facts);
        var read = PrivacyImpactReport.FromJson(json);

        Assert.Contains("\"unitId\": \"north-gate-1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"level\": \"None\"", json, StringComparison.Ordinal);
        Assert.Contains("\"networkDestinations\"", json, StringComparison.Ordinal);
        Assert.NotNull(read);
        Assert.Equal(facts.UnitId, read.UnitId);
        Assert.Equal(facts.GeneratedAt, read.GeneratedAt);
        Assert.Equal(facts.Collected, read.Collected);
        Assert.Equal(facts.Counts, read.Counts);
        Assert.Equal(facts.FaceTemplateScale, read.FaceTemplateScale);
        Assert.Equal(facts.Findings, read.Findings);
        Assert.Equal(facts.Roles.Select(r => string.Join(",", r.Permissions)), read.Roles.Select(r => string.Join(",", r.Permissions)));
    }

    [Fact]
    public void ToText_Facts_EveryPartOfTheAssessment()
    {
        var text = PrivacyImpactReport.ToText(PrivacyImpactFacts.From(Inputs(), Now));

        foreach (var heading in new[] { "What is collected", "Where it is stored and how it is protected", "Who can reach it", "Retention", "Counts", "Network destinations", "Findings" })
        {
            Assert.Contains("\n" + heading + "\n", text, StringComparison.Ordinal);
        }

        Assert.Contains("MQTT broker.local", text, StringComparison.Ordinal);
        Assert.Contains("no cloud service, no vendor server", text, StringComparison.Ordinal);
        Assert.Contains("residents 120 (minors 8)", text, StringComparison.Ordinal);
        Assert.Contains("north: Card, Pin, Face", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 12L, true)]
    [InlineData(3, 12L, false)]
    [InlineData(0, 0L, false)]
    public void From_TemplatesWithoutAnyConsent_Finding(int consents, long templates, bool expected)
    {
        var inputs = Inputs();
        inputs.Counts = inputs.Counts! with { ActiveFaceConsents = consents, FaceTemplates = templates };

        var facts = PrivacyImpactFacts.From(inputs, Now);

        Assert.Equal(expected, facts.Findings.Any(f => f.Contains("no face consent is active", StringComparison.Ordinal)));
    }

    private static PrivacyImpactInputs Inputs() => new()
    {
        UnitId = "north-gate-1",
        StoreLocation = "SQLite file in the unit's data directory on its SD card",
        Doors =
        [
            new PrivacyImpactDoor(DoorId.Parse("north"), AccessMethods.Card | AccessMethods.Pin | AccessMethods.Face),
            new PrivacyImpactDoor(DoorId.Parse("bikes"), AccessMethods.Card),
        ],
        FaceEnabled = true,
        MqttBrokerHost = "broker.local",
        Encryption = new PrivacyEncryptionSummary(
            "AES-256-GCM under a per-resident key",
            "HMAC-SHA-256 keyed hash",
            "PBKDF2-SHA-256 with salt",
            "plain in the store file, readable only by the service account",
            "per-resident keys wrapped by the device key"),
        Counts = new PrivacyStoreCounts(120, 8, 110, 90, 40, 40, 5_000, 700),
    };
}
