using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GateController.Cli;

/// <summary>events, with --follow: polls the admin API's events command with a cursor until interrupted.</summary>
public static partial class GatectlCommandLine
{
    /// <summary>Most events one follow poll asks for; a busier gate is caught up over the next polls.</summary>
    private const int FollowPageSize = 1000;

    private static readonly JsonSerializerOptions OneLine = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static Command EventsCommand(Action<Command, Func<GatectlInvocation, Task<int>>> act)
    {
        var since = new Option<string?>("--since") { Description = "only events since then: 1h, 30m, 7d, or a date" };
        var limit = new Option<int>("--limit") { Description = "at most this many newest events", DefaultValueFactory = _ => 1000 };
        var follow = new Option<bool>("--follow", "-f")
        {
            Description = "keep printing new events as they are appended, oldest first, until Ctrl-C (--json: one document per line)",
        };
        var interval = new Option<double>("--interval")
        {
            Description = "with --follow: seconds between polls, 0.2–60",
            DefaultValueFactory = _ => 1.0,
        };
        var command = new Command("events", "access events, newest first (pseudonymous ids only)") { since, limit, follow, interval };
        act(command, async run =>
        {
            var seconds = run.Parse.GetValue(interval);
            if (seconds is < 0.2 or > 60 || double.IsNaN(seconds))
            {
                throw new GatectlException($"--interval {seconds.ToString(CultureInfo.InvariantCulture)} must be 0.2–60 seconds", ExitUsage);
            }

            var args = new JsonObject { ["limit"] = run.Parse.GetValue(limit) };
            if (run.Parse.GetValue(since) is { } text)
            {
                args["since"] = ParseSince(text, run.Environment.Time).ToString("O", CultureInfo.InvariantCulture);
            }

            var result = await run.CallAsync("events", args).ConfigureAwait(false);
            if (!run.Parse.GetValue(follow))
            {
                return run.Done(result, o =>
                {
                    var events = result["events"]!.AsArray();
                    foreach (var e in events)
                    {
                        o.WriteLine(EventLine(e!));
                    }

                    o.WriteLine($"{events.Count} events");
                });
            }

            return await FollowAsync(run, result, TimeSpan.FromSeconds(seconds)).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Prints the first page oldest first, then every later event as it appears; returns 0 when cancelled (Ctrl-C).</summary>
    private static async Task<int> FollowAsync(GatectlInvocation run, JsonObject first, TimeSpan interval)
    {
        var cursor = CursorOf(first);
        try
        {
            WriteFollowed(run, first["events"]!.AsArray().Reverse());
            while (true)
            {
                await run.Environment.WaitBeforePollAsync(interval, run.CancellationToken).ConfigureAwait(false);
                var next = await run.CallAsync("events", new JsonObject { ["after"] = cursor, ["limit"] = FollowPageSize }).ConfigureAwait(false);
                WriteFollowed(run, next["events"]!.AsArray());
                cursor = CursorOf(next);
            }
        }
        catch (OperationCanceledException) when (run.CancellationToken.IsCancellationRequested)
        {
            return 0;
        }
    }

    private static long CursorOf(JsonObject result) =>
        result["cursor"]?.GetValueKind() == JsonValueKind.Number
            ? result["cursor"]!.GetValue<long>()
            : throw new GatectlException("gatecontrollerd's events reply has no cursor; it is too old for --follow", ExitUnavailable);

    private static void WriteFollowed(GatectlInvocation run, IEnumerable<JsonNode?> events)
    {
        foreach (var e in events)
        {
            run.Output.WriteLine(run.Json ? e!.ToJsonString(OneLine) : EventLine(e!));
        }

        run.Output.Flush();
    }

    private static string EventLine(JsonNode e) =>
        $"{GatectlInvocation.Text(e["time"])}  {GatectlInvocation.Text(e["door"])}  {GatectlInvocation.Text(e["credential"])}  {GatectlInvocation.Text(e["resident"])}  {((bool)e["granted"]! ? "granted" : "refused")}  {GatectlInvocation.Text(e["reason"])}";
}
