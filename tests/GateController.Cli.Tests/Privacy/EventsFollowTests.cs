using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using GateController.Core.Credentials;
using GateController.Core.Residents;
using GateController.Storage.Audit;
using GateController.Storage.Records;

namespace GateController.Cli.Tests.Privacy;

public sealed class EventsFollowTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EventsFollow_Json_PrintsEachNewEventOncePerLineUntilCancelled()
    {
        await using var unit = new AdminFixture();
        unit.Store.AppendAccessEvent(Event(unit, "old-1"));
        unit.Store.AppendAccessEvent(Event(unit, "old-2"));
        var polls = Channel.CreateUnbounded<TaskCompletionSource>();
        using var output = new LineWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var environment = new GatectlEnvironment { Time = unit.Time, PollWait = (_, cancellationToken) => NextPoll(polls, cancellationToken) };

        var following = GatectlCommandLine.RunAsync(
            ["events", "--follow", "--json", "--operator", AdminFixture.Office, "--socket", unit.SocketPath], output, error, environment, stop.Token);

        Assert.Equal("old-1", Reason(await output.NextAsync()));
        Assert.Equal("old-2", Reason(await output.NextAsync()));
        var firstPoll = await polls.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        unit.Store.AppendAccessEvent(Event(unit, "new-1"));
        unit.Store.AppendAccessEvent(Event(unit, "new-2"));
        firstPoll.SetResult();
        var first = JsonNode.Parse(await output.NextAsync())!;
        Assert.Equal("new-1", (string)first["reason"]!);
        Assert.Equal("R0001", (string)first["resident"]!);
        Assert.Equal("new-2", Reason(await output.NextAsync()));
        var emptyPoll = await polls.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        emptyPoll.SetResult();
        await polls.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        await stop.CancelAsync();
        var status = await following.WaitAsync(Patience);

        Assert.Equal(0, status);
        Assert.Empty(error.ToString());
        Assert.Equal(4, output.Lines.Count);
        Assert.Equal(2, unit.Store.ReadAudit(1, 100).Count(e => e.Action == AuditAction.OperatorAction && e.Detail!.StartsWith("events", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task EventsFollow_Text_FirstPageOldestFirstThenNewEvents()
    {
        await using var unit = new AdminFixture();
        unit.Store.AppendAccessEvent(Event(unit, "older"));
        unit.Store.AppendAccessEvent(Event(unit, "newer"));
        var polls = Channel.CreateUnbounded<TaskCompletionSource>();
        using var output = new LineWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource();
        var environment = new GatectlEnvironment { Time = unit.Time, PollWait = (_, cancellationToken) => NextPoll(polls, cancellationToken) };

        var following = GatectlCommandLine.RunAsync(
            ["events", "-f", "--limit", "1", "--operator", AdminFixture.Office, "--socket", unit.SocketPath], output, error, environment, stop.Token);
        var only = await output.NextAsync();
        var poll = await polls.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        unit.Store.AppendAccessEvent(new AccessEventRecord(unit.Time.GetUtcNow(), "front", CredentialKind.Pin, null, false, "unknown-pin"));
        poll.SetResult();
        var next = await output.NextAsync();
        await polls.Reader.ReadAsync().AsTask().WaitAsync(Patience);
        await stop.CancelAsync();

        Assert.Equal(0, await following.WaitAsync(Patience));
        Assert.EndsWith("granted  newer", only, StringComparison.Ordinal);
        Assert.EndsWith("refused  unknown-pin", next, StringComparison.Ordinal);
        Assert.DoesNotContain(output.Lines, l => l.EndsWith(" events", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("61")]
    public async Task EventsFollow_IntervalOutOfRange_UsageError(string interval)
    {
        await using var unit = new AdminFixture();

        var (status, output, error) = await unit.GatectlAsync("events", "--follow", "--interval", interval, "--operator", AdminFixture.Office);

        Assert.Equal(GatectlCommandLine.ExitUsage, status);
        Assert.Empty(output);
        Assert.Contains("--interval", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_Json_CarriesCursorAndSequences()
    {
        await using var unit = new AdminFixture();
        unit.Store.AppendAccessEvent(Event(unit, "a"));
        unit.Store.AppendAccessEvent(Event(unit, "b"));

        var (status, output, _) = await unit.GatectlAsync("events", "--json", "--operator", AdminFixture.Office);

        Assert.Equal(0, status);
        var result = JsonNode.Parse(output)!;
        var events = result["events"]!.AsArray();
        Assert.Equal(unit.Store.LastAccessEventSequence(), (long)result["cursor"]!);
        Assert.Equal((long)result["cursor"]!, (long)events[0]!["sequence"]!);
        Assert.Equal("b", (string)events[0]!["reason"]!);
    }

    private static AccessEventRecord Event(AdminFixture unit, string reason) =>
        new(unit.Time.GetUtcNow(), "front", CredentialKind.Card, ResidentId.Parse("R0001"), true, reason);

    private static string Reason(string line) => (string)JsonNode.Parse(line)!["reason"]!;

    private static Task NextPoll(Channel<TaskCompletionSource> polls, CancellationToken cancellationToken)
    {
        var step = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        polls.Writer.TryWrite(step);
        return step.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Collects written lines and hands them to the test as they arrive.</summary>
    private sealed class LineWriter : TextWriter
    {
        private readonly Channel<string> _arrived = Channel.CreateUnbounded<string>();
        private readonly StringBuilder _partial = new();

        public List<string> Lines { get; } = [];

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_partial)
            {
                if (value == '\n')
                {
                    var line = _partial.ToString().TrimEnd('\r');
                    _partial.Clear();
                    Lines.Add(line);
                    _arrived.Writer.TryWrite(line);
                }
                else
                {
                    _partial.Append(value);
                }
            }
        }

        public async Task<string> NextAsync() => await _arrived.Reader.ReadAsync().AsTask().WaitAsync(Patience);
    }
}
