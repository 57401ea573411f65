using System.Text;
using GateController.Telemetry.Commands;
using GateController.Telemetry.Mqtt;
using GateController.Telemetry.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Telemetry.Tests.Commands;

public sealed class CommandProcessorTests
{
    private const string Unit = "u1";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
    private readonly List<CommandAuditRecord> _audit = [];
    private readonly List<bool> _selfTests = [];
    private readonly List<string> _releases = [];
    private readonly CommandProcessor _processor;

    public CommandProcessorTests()
    {
        var options = new TelemetryOptions { UnitId = Unit, NonceCacheCapacity = 16 };
        CommandFactory.AddTechnicians(options);
        var handlers = new TelemetryCommandHandlers
        {
            SelfTestAsync = (relay, _) =>
            {
                _selfTests.Add(relay);
                return Task.FromResult(CommandOutcome.Success(relay ? "leds, buzzer, relay" : "leds, buzzer"));
            },
            DoorReleaseAsync = (technician, _) =>
            {
                _releases.Add(technician);
                return Task.FromResult(CommandOutcome.Success("released"));
            },
            ReloadConfigurationAsync = _ => throw new InvalidOperationException("broken"),
        };
        _processor = new CommandProcessor(options, handlers, _ => Task.FromResult(CommandOutcome.Success("health published")), _audit.Add, _time);
    }

    public static TheoryData<string, string, string> Malformed => new()
    {
        { "ping", "not json", "malformed JSON" },
        { "ping", "{\"technician\":", "malformed JSON" },
        { "ping", "[]", "malformed JSON" },
        { "ping", "null", "malformed JSON" },
        { "ping", "{}", "missing or invalid nonce" },
        { "ping", "{\"nonce\":\"short\"}", "missing or invalid nonce" },
        { "ping", "{\"nonce\":\"abcdefgh!\"}", "missing or invalid nonce" },
        { "ping", "{\"nonce\":\"abcdefgh\"}", "missing technician or signature" },
        { "ping", "{\"nonce\":\"abcdefgh\",\"technician\":\"nobody\",\"signature\":\"00\"}", "unknown technician" },
        { "ping", "{\"nonce\":\"abcdefgh\",\"technician\":\"tech-1\",\"signature\":\"zz\"}", "bad signature" },
        { "ping", "{\"nonce\":\"abcdefgh\",\"technician\":\"tech-1\",\"timestamp\":\"x\",\"signature\":\"00\"}", "malformed JSON" },
        { "launch", "{}", "unknown command" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Check_MalformedPayload_RefusedWithReasonAndAudited(string command, string payload, string reason)
    {
        var check = _processor.Check(command, Message(Encoding.UTF8.GetBytes(payload)));

        Assert.False(check.Accepted);
        Assert.Equal(reason, check.Refusal!.Reason);
        Assert.False(check.Refusal.Ok);
        Assert.Single(_audit);
        Assert.False(_audit[0].Accepted);
    }

    [Fact]
    public void Check_Valid_Accepted()
    {
        var check = _processor.Check("ping", Message(CommandFactory.Build(Unit, "ping", _time.GetUtcNow())));

        Assert.True(check.Accepted);
        Assert.Equal("tech-1", check.TechnicianId);
    }

    [Fact]
    public void Check_SignedForAnotherUnit_BadSignature() =>
        Assert.Equal("bad signature", _processor.Check("ping", Message(CommandFactory.Build("u2", "ping", _time.GetUtcNow()))).Refusal?.Reason);

    [Fact]
    public void Check_SignedForAnotherCommand_BadSignature() =>
        Assert.Equal("bad signature", _processor.Check("door-release", Message(CommandFactory.Build(Unit, "ping", _time.GetUtcNow(), technician: "tech-door"))).Refusal?.Reason);

    [Fact]
    public void Check_WrongKey_BadSignature() =>
        Assert.Equal("bad signature", _processor.Check("ping", Message(CommandFactory.Build(Unit, "ping", _time.GetUtcNow(), key: CommandFactory.ReleaseKey))).Refusal?.Reason);

    [Fact]
    public void Check_Replayed_SecondRefused()
    {
        var payload = CommandFactory.Build(Unit, "ping", _time.GetUtcNow(), nonce: "nonce-0001");

        Assert.True(_processor.Check("ping", Message(payload)).Accepted);
        Assert.Equal("replayed nonce", _processor.Check("ping", Message(payload)).Refusal?.Reason);
    }

    [Theory]
    [InlineData(-61)]
    [InlineData(61)]
    public void Check_TimestampOutsideWindow_Refused(int offsetSeconds)
    {
        var payload = CommandFactory.Build(Unit, "ping", _time.GetUtcNow().AddSeconds(offsetSeconds));

        Assert.Equal("timestamp outside the accepted window", _processor.Check("ping", Message(payload)).Refusal?.Reason);
    }

    [Fact]
    public void Check_Retained_Ignored() =>
        Assert.Equal("retained commands are ignored", _processor.Check("ping", Message(CommandFactory.Build(Unit, "ping", _time.GetUtcNow()), retained: true)).Refusal?.Reason);

    [Fact]
    public void Check_Huge_Refused() =>
        Assert.StartsWith("payload larger than", _processor.Check("ping", Message(new byte[100_000])).Refusal?.Reason, StringComparison.Ordinal);

    [Fact]
    public void Check_NonceCacheFull_RefusedUntilWindowPasses()
    {
        for (var i = 0; i < 16; i++)
        {
            Assert.True(_processor.Check("ping", Message(CommandFactory.Build(Unit, "ping", _time.GetUtcNow()))).Accepted);
        }

        Assert.Equal("too many recent commands; retry later", _processor.Check("ping", Message(CommandFactory.Build(Unit, "ping", _time.GetUtcNow()))).Refusal?.Reason);
        _time.Advance(TimeSpan.FromSeconds(121));
        Assert.True(_processor.Check("ping", Message(CommandFactory.Build(Unit, "ping", _time.GetUtcNow()))).Accepted);
    }

    [Fact]
    public void Check_DoorReleaseWithoutPermission_Refused() =>
        Assert.Equal("not permitted: door release", _processor.Check("door-release", Message(CommandFactory.Build(Unit, "door-release", _time.GetUtcNow()))).Refusal?.Reason);

    [Fact]
    public async Task ExecuteAsync_DoorReleaseWithPermission_HandlerRunsAndAudited()
    {
        var check = _processor.Check("door-release", Message(CommandFactory.Build(Unit, "door-release", _time.GetUtcNow(), technician: "tech-door")));

        var reply = await _processor.ExecuteAsync(check, CancellationToken.None);

        Assert.True(reply.Ok);
        Assert.Equal(["tech-door"], _releases);
        Assert.Contains(_audit, a => a.Accepted && a.TechnicianId == "tech-door" && a.Command == "door-release");
    }

    [Theory]
    [InlineData("tech-1", false)]
    [InlineData("tech-door", true)]
    public async Task ExecuteAsync_SelfTest_RelayOnlyWithDoorPermission(string technician, bool relay)
    {
        var check = _processor.Check("self-test", Message(CommandFactory.Build(Unit, "self-test", _time.GetUtcNow(), technician: technician)));

        var reply = await _processor.ExecuteAsync(check, CancellationToken.None);

        Assert.True(reply.Ok);
        Assert.Equal([relay], _selfTests);
    }

    [Fact]
    public async Task ExecuteAsync_HandlerThrows_FailureReplyWithReason()
    {
        var check = _processor.Check("reload-configuration", Message(CommandFactory.Build(Unit, "reload-configuration", _time.GetUtcNow())));

        var reply = await _processor.ExecuteAsync(check, CancellationToken.None);

        Assert.False(reply.Ok);
        Assert.Equal("handler failed: InvalidOperationException", reply.Reason);
    }

    [Fact]
    public void ReplaceTechnicians_NewSet_OldTechnicianRefusedNewAccepted()
    {
        var newKey = Enumerable.Range(200, 32).Select(i => (byte)i).ToArray();

        _processor.ReplaceTechnicians([new TechnicianKey { TechnicianId = "tech-new", Key = newKey }]);

        Assert.Equal(1, _processor.TechnicianCount);
        Assert.Equal("unknown technician", _processor.Check("ping", Message(CommandFactory.Build(Unit, "ping", _time.GetUtcNow()))).Refusal?.Reason);
        var check = _processor.Check("ping", Message(CommandFactory.Build(Unit, "ping", _time.GetUtcNow(), technician: "tech-new", key: newKey)));
        Assert.True(check.Accepted);
        Assert.Equal("tech-new", check.TechnicianId);
    }

    [Fact]
    public void ReplaceTechnicians_Empty_EveryCommandRefused()
    {
        _processor.ReplaceTechnicians([]);

        Assert.Equal(0, _processor.TechnicianCount);
        Assert.Equal("unknown technician", _processor.Check("door-release", Message(CommandFactory.Build(Unit, "door-release", _time.GetUtcNow(), technician: "tech-door"))).Refusal?.Reason);
    }

    [Fact]
    public void ReplaceTechnicians_InvalidSet_ThrowsListingEveryProblemAndKeepsTheSetInForce()
    {
        var error = Assert.Throws<ArgumentException>(() => _processor.ReplaceTechnicians(
        [
            new TechnicianKey { TechnicianId = "short-key", Key = new byte[8] },
            new TechnicianKey { TechnicianId = "twice", Key = CommandFactory.TechnicianKey },
            new TechnicianKey { TechnicianId = "twice", Key = CommandFactory.TechnicianKey },
        ]));

        Assert.Contains("short-key", error.Message, StringComparison.Ordinal);
        Assert.Contains("listed twice", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, _processor.TechnicianCount);
        Assert.True(_processor.Check("ping", Message(CommandFactory.Build(Unit, "ping", _time.GetUtcNow()))).Accepted);
    }

    [Fact]
    public void ReplaceTechnicians_CallerChangesKeyAfterwards_ProcessorKeepsItsCopy()
    {
        var key = Enumerable.Range(200, 32).Select(i => (byte)i).ToArray();
        _processor.ReplaceTechnicians([new TechnicianKey { TechnicianId = "tech-new", Key = key }]);
        var original = key.ToArray();

        key[0] ^= 0xFF;

        Assert.True(_processor.Check("ping", Message(CommandFactory.Build(Unit, "ping", _time.GetUtcNow(), technician: "tech-new", key: original))).Accepted);
    }

    [Fact]
    public async Task ReplaceTechnicians_WhileChecking_EveryCheckSeesOneWholeSet()
    {
        var keyA = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var keyB = Enumerable.Range(50, 32).Select(i => (byte)i).ToArray();
        TechnicianKey[] setA = [new() { TechnicianId = "a", Key = keyA }];
        TechnicianKey[] setB = [new() { TechnicianId = "b", Key = keyB }];
        var stop = 0;
        var swapper = Task.Run(() =>
        {
            for (var i = 0; Volatile.Read(ref stop) == 0; i++)
            {
                _processor.ReplaceTechnicians(i % 2 == 0 ? setA : setB);
            }
        });

        var reasons = new HashSet<string>(StringComparer.Ordinal);
        for (var checks = 0; checks < 2000; checks++)
        {
            var check = _processor.Check("ping", Message(CommandFactory.Build(Unit, "ping", _time.GetUtcNow(), technician: "a", key: keyA)));
            reasons.Add(check.Refusal?.Reason ?? "accepted");
        }

        Volatile.Write(ref stop, 1);
        await swapper;

        // A torn set (technician "a" found with "b"'s key) would refuse as a bad signature. On a fast machine the
        // accepted checks can also reach the replay cache's rate limit, which says nothing about the key set.
        Assert.Subset(new HashSet<string>(["accepted", "unknown technician", "too many recent commands; retry later"]), reasons);
    }

    private static MqttMessage Message(byte[] payload, bool retained = false) => new("x", payload, MqttQualityOfService.AtLeastOnce, retained);
}
