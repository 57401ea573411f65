using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace GateController.Cli.Tests.Crash;

/// <summary>
/// Kills the real gatecontrollerd (SIGKILL) while enrollments and deletions are in flight, 200 times, and checks after
/// every restart that the store opens, the audit chain verifies and every acknowledged change is there. Face templates
/// cannot be enrolled through the admin API, so the changes are resident add, card add, consent given, consent
/// withdrawn and resident delete. Set GATECONTROLLER_CRASH_SEED to replay a run.
/// </summary>
public sealed class ServiceCrashTests(ITestOutputHelper output)
{
    private const int Kills = 200;
    private const int ResidentsPerRun = 12;
    private const int Connections = 3;

    [Fact]
    public async Task KillDuringChanges_200Times_DatabaseOpensAuditVerifiesAndAcknowledgedChangesPresent()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("GATECONTROLLER_CRASH_SEED"), CultureInfo.InvariantCulture, out var given)
            ? given
            : Random.Shared.Next();
        output.WriteLine($"seed {seed} (GATECONTROLLER_CRASH_SEED={seed} replays the plan)");
        var random = new Random(seed);
        using var unit = new CrashUnit();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var cancellationToken = timeout.Token;
        var surviving = new HashSet<string>(StringComparer.Ordinal);
        var previous = new List<ResidentLifecycle>();
        var statistics = new CrashStatistics();
        var total = Stopwatch.StartNew();

        for (var run = 0; run <= Kills; run++)
        {
            var starting = Stopwatch.StartNew();
            using var service = GatecontrollerdProcess.Start(unit.ConfigFile);
            using (var checker = await service.WaitForSocketAsync(unit.SocketPath, cancellationToken))
            {
                statistics.StartMilliseconds.Add(starting.Elapsed.TotalMilliseconds);
                statistics.AuditEntries = await VerifyAsync(checker, previous, surviving, run, cancellationToken);
            }

            if (run == Kills)
            {
                break;
            }

            var lifecycles = Enumerable.Range(0, ResidentsPerRun)
                .Select(n => new ResidentLifecycle(run, n, random.Next(1, ResidentLifecycle.AllSteps + 1)))
                .ToList();
            var plannedSteps = lifecycles.Sum(l => l.PlannedSteps);
            var killAfterAcknowledgements = random.Next(1, plannedSteps);
            var changing = Stopwatch.StartNew();
            var killed = await ChangeThenKillAsync(service, unit.SocketPath, lifecycles, killAfterAcknowledgements, cancellationToken);
            statistics.ChangeMilliseconds.Add(changing.Elapsed.TotalMilliseconds);
            Assert.True(killed, $"run {run}: the kill point ({killAfterAcknowledgements} acknowledgements) was not reached; stderr: {service.StandardError}");
            statistics.Acknowledged.Add(lifecycles.Sum(l => l.Acknowledged));
            statistics.InFlight.Add(lifecycles.Count(l => l.InFlight));
            previous = lifecycles;
        }

        statistics.Surviving = surviving.Count;
        foreach (var line in statistics.Summary(Kills, total.Elapsed))
        {
            output.WriteLine(line);
        }

        Assert.True(statistics.InFlight.Sum() > 0, "no request was ever in flight at a kill; the test did not exercise the fault");
    }

    /// <summary>
    /// Streams every lifecycle's changes over <see cref="Connections"/> connections and SIGKILLs the service as soon as the
    /// <paramref name="killAfterAcknowledgements"/>th acknowledgement arrives, other requests still on the wire.
    /// </summary>
    private static async Task<bool> ChangeThenKillAsync(
        GatecontrollerdProcess service, string socketPath, List<ResidentLifecycle> lifecycles, int killAfterAcknowledgements, CancellationToken cancellationToken)
    {
        var pending = new Queue<ResidentLifecycle>(lifecycles);
        var acknowledgements = 0;
        var killPoint = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var failures = new List<string>();
        var clients = new List<AdminLineClient>();
        for (var i = 0; i < Connections; i++)
        {
            clients.Add(await AdminLineClient.TryConnectAsync(socketPath, cancellationToken)
                ?? throw new Xunit.Sdk.XunitException("the admin socket stopped accepting connections"));
        }

        async Task WorkAsync(AdminLineClient client)
        {
            await Task.Yield();
            while (true)
            {
                ResidentLifecycle? lifecycle;
                lock (pending)
                {
                    if (!pending.TryDequeue(out lifecycle))
                    {
                        return;
                    }
                }

                while (!lifecycle.IsFinished)
                {
                    var (command, args) = lifecycle.Request(lifecycle.Acknowledged);
                    lifecycle.InFlight = true;
                    var reply = await client.TrySendAsync(command, CrashUnit.Office, args, cancellationToken);
                    if (reply is null)
                    {
                        if (!killPoint.Task.IsCompleted)
                        {
                            await service.WaitForExitAsync(TimeSpan.FromSeconds(5));
                            lock (failures)
                            {
                                failures.Add($"{command} {lifecycle.Id}: the connection closed before the kill; {service.Describe()}");
                            }

                            killPoint.TrySetResult();
                        }

                        return;
                    }

                    if (reply["ok"]?.GetValue<bool>() != true)
                    {
                        lock (failures)
                        {
                            failures.Add($"{command} {lifecycle.Id}: {reply.ToJsonString()}");
                        }

                        killPoint.TrySetResult();
                        return;
                    }

                    lifecycle.InFlight = false;
                    lifecycle.Acknowledged++;
                    if (Interlocked.Increment(ref acknowledgements) == killAfterAcknowledgements)
                    {
                        killPoint.TrySetResult();
                        service.Kill();
                    }
                }
            }
        }

        try
        {
            var working = Task.WhenAll(clients.Select(WorkAsync));
            await Task.WhenAny(killPoint.Task, working);
            var killed = killPoint.Task.IsCompleted;
            service.Kill();
            await service.WaitForExitAsync(TimeSpan.FromSeconds(30));
            await working;
            Assert.True(failures.Count == 0, string.Join("; ", failures));
            return killed;
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    /// <summary>
    /// After a restart: the audit chain verifies, the residents on the unit are exactly those expected (an add or delete
    /// cut off by the kill may have gone either way), and each of the last run's residents holds its acknowledged card
    /// and consent changes. Returns the number of audit entries checked.
    /// </summary>
    private static async Task<long> VerifyAsync(
        AdminLineClient client, List<ResidentLifecycle> previous, HashSet<string> surviving, int run, CancellationToken cancellationToken)
    {
        var audit = Ok(await client.SendAsync("audit.verify", CrashUnit.Office, [], cancellationToken), run, "audit.verify");
        Assert.True(audit["intact"]!.GetValue<bool>(), $"run {run}: audit chain broken at {audit["firstBadSequence"]}: {audit["problem"]}");

        var listed = Ok(await client.SendAsync("resident.list", CrashUnit.Office, [], cancellationToken), run, "resident.list")["residents"]!
            .AsArray()
            .Select(r => r!["id"]!.GetValue<string>())
            .ToHashSet(StringComparer.Ordinal);
        foreach (var lifecycle in previous)
        {
            var exists = listed.Contains(lifecycle.Id);
            if (lifecycle.MustExist is { } mustExist)
            {
                Assert.True(mustExist == exists, $"run {run}: resident {lifecycle.Id} after {lifecycle.Acknowledged} acknowledged changes (in flight: {lifecycle.InFlight}) should {(mustExist ? "exist" : "be gone")}");
            }

            if (exists)
            {
                surviving.Add(lifecycle.Id);
                await VerifyResidentAsync(client, lifecycle, run, cancellationToken);
            }
        }

        Assert.True(surviving.SetEquals(listed), $"run {run}: expected {surviving.Count} residents, the unit lists {listed.Count}: missing [{string.Join(", ", surviving.Except(listed))}], unexpected [{string.Join(", ", listed.Except(surviving))}]");
        return audit["entriesChecked"]!.GetValue<long>();
    }

    private static async Task VerifyResidentAsync(AdminLineClient client, ResidentLifecycle lifecycle, int run, CancellationToken cancellationToken)
    {
        var copy = Ok(await client.SendAsync("resident.export", CrashUnit.Office, new JsonObject { ["id"] = lifecycle.Id }, cancellationToken), run, "resident.export")["copy"]!;
        var where = $"run {run}: resident {lifecycle.Id} after {lifecycle.Acknowledged} acknowledged changes (in flight: {lifecycle.InFlight})";
        var cards = copy["cards"]!.AsArray().Count;
        Expect(lifecycle.StepMustBePresent(1), cards == 1, cards == 0, $"{where}: {cards} cards");

        var consents = copy["consents"]!.AsArray();
        Expect(lifecycle.StepMustBePresent(2), consents.Count == 1, consents.Count == 0, $"{where}: {consents.Count} consents");
        if (consents.Count == 1)
        {
            var consent = consents[0]!;
            Assert.Equal(ResidentLifecycle.NoticeVersion, consent["noticeVersion"]!.GetValue<string>());
            Assert.Equal("F-" + lifecycle.Id, consent["form"]!.GetValue<string>());
            var withdrawn = consent["withdrawnAt"] is not null && !consent["active"]!.GetValue<bool>();
            var active = consent["withdrawnAt"] is null && consent["active"]!.GetValue<bool>();
            Expect(lifecycle.StepMustBePresent(3), withdrawn, active, $"{where}: consent withdrawn {withdrawn}, active {active}");
        }
    }

    private static void Expect(bool? mustBePresent, bool present, bool absent, string message) =>
        Assert.True(mustBePresent switch { true => present, false => absent, null => present || absent }, message);

    private static JsonObject Ok(JsonObject reply, int run, string command)
    {
        Assert.True(reply["ok"]?.GetValue<bool>() == true, $"run {run}: {command} after restart failed: {reply.ToJsonString()}");
        return reply["result"]!.AsObject();
    }
}
