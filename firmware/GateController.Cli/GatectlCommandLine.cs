using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using GateController.Core.Residents;

namespace GateController.Cli;

/// <summary>
/// gatectl: the client of gatecontrollerd's admin API (and, for <c>provision</c>, the local key maker). Human output by
/// default, one JSON document with <c>--json</c>; on failure a one-line reason on standard error and a non-zero exit.
/// </summary>
public static partial class GatectlCommandLine
{
    /// <summary>The service refused or the command failed.</summary>
    public const int ExitFailure = 1;

    /// <summary>The command line is wrong (EX_USAGE).</summary>
    public const int ExitUsage = 64;

    /// <summary>The service cannot be reached (EX_UNAVAILABLE).</summary>
    public const int ExitUnavailable = 69;

    /// <summary>Where gatecontrollerd listens by default.</summary>
    public const string DefaultSocketPath = "/run/gatecontroller/admin.sock";

    /// <summary>Where <c>provision</c> writes the device key by default.</summary>
    public const string DefaultKeyFile = "/etc/gatecontroller/device.key";

    /// <summary>Runs gatectl with <paramref name="args"/>; returns the exit status.</summary>
    public static Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        return RunAsync(args, output, error, GatectlEnvironment.FromProcess(error), cancellationToken);
    }

    internal static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, GatectlEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(environment);
        var globals = new GatectlGlobalOptions();
        var root = Build(globals, output, error, environment);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            error.WriteLine($"gatectl: {parse.Errors[0].Message} (try --help)");
            return ExitUsage;
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    private static RootCommand Build(GatectlGlobalOptions globals, TextWriter output, TextWriter error, GatectlEnvironment environment)
    {
        var root = new RootCommand("gatectl: manage a GateController unit through gatecontrollerd's admin API");
        root.Options.Add(globals.Socket);
        root.Options.Add(globals.Json);
        root.Options.Add(globals.Operator);
        void Act(Command command, Func<GatectlInvocation, Task<int>> body) =>
            command.SetAction((parse, cancellationToken) => ExecuteAsync(new GatectlInvocation(parse, globals, output, error, environment, cancellationToken), body));

        root.Subcommands.Add(ProvisionCommand(Act));
        root.Subcommands.Add(StatusCommand(Act));
        root.Subcommands.Add(ResidentCommand(Act));
        root.Subcommands.Add(CardCommand(Act));
        root.Subcommands.Add(PinCommand(Act));
        root.Subcommands.Add(VisitorCommand(Act));
        root.Subcommands.Add(ConsentCommand(Act));
        root.Subcommands.Add(FaceCommand(Act));
        root.Subcommands.Add(ImportCommand(Act));
        root.Subcommands.Add(EventsCommand(Act));
        root.Subcommands.Add(AuditCommand(Act));
        root.Subcommands.Add(DoorCommand(Act));
        root.Subcommands.Add(DiagCommand(Act));
        root.Subcommands.Add(ReportCommand(Act));
        root.Subcommands.Add(SimulationCommand(Act));
        root.Subcommands.Add(TechnicianCommand(Act));
        return root;
    }

    private static async Task<int> ExecuteAsync(GatectlInvocation invocation, Func<GatectlInvocation, Task<int>> body)
    {
        try
        {
            return await body(invocation).ConfigureAwait(false);
        }
        catch (GatectlException ex)
        {
            return Fail(invocation, ex.Message, ex.ExitStatus);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(invocation, ex.Message, ExitFailure);
        }
    }

    private static int Fail(GatectlInvocation invocation, string message, int status)
    {
        var line = message.ReplaceLineEndings(" ").Trim();
        invocation.Error.WriteLine($"gatectl: {line}");
        if (invocation.Json)
        {
            invocation.Output.WriteLine(GatectlInvocation.ToJson(new JsonObject { ["ok"] = false, ["error"] = line }));
        }

        return status;
    }

    private static Command StatusCommand(Action<Command, Func<GatectlInvocation, Task<int>>> act)
    {
        var command = new Command("status", "door, store counts and consent notice in force");
        act(command, async run =>
        {
            var result = await run.CallAsync("status", []).ConfigureAwait(false);
            return run.Done(result, o =>
            {
                o.WriteLine($"residents:       {GatectlInvocation.Text(result["residents"])} ({GatectlInvocation.Text(result["activeResidents"])} active)");
                o.WriteLine($"access events:   {GatectlInvocation.Text(result["accessEvents"])}");
                o.WriteLine($"door:            {GatectlInvocation.Text(result["door"])}");
                o.WriteLine($"consent notice:  {GatectlInvocation.Text(result["consentNotice"])}");
                WriteStoreStatus(o, result);
                var face = result["face"];
                o.WriteLine(face is null
                    ? "face:            unknown"
                    : (bool)face["available"]!
                        ? $"face:            available ({GatectlInvocation.Text(face["templates"])} templates)"
                        : $"face:            unavailable: {GatectlInvocation.Text(face["reason"])}");
                if (result["accessGroups"] is JsonObject groups)
                {
                    var defined = groups["residents"]!.AsObject().Select(g => $"{g.Key} ({GatectlInvocation.Text(g.Value)})").ToList();
                    o.WriteLine($"access groups:   {(defined.Count == 0 ? "none defined" : string.Join(", ", defined))}");
                }

                foreach (var warning in result["warnings"]?.AsArray() ?? [])
                {
                    o.WriteLine($"WARNING:         {GatectlInvocation.Text(warning)}");
                }
            });
        });
        return command;
    }

    private static Command DoorCommand(Action<Command, Func<GatectlInvocation, Task<int>>> act)
    {
        var seconds = new Option<int>("--seconds") { Description = "how long to release, 1–60 s", DefaultValueFactory = _ => 5 };
        var release = new Command("release", "manual release (audited, rule P15)") { seconds };
        act(release, async run =>
        {
            var result = await run.CallAsync("door.release", new JsonObject { ["seconds"] = run.Parse.GetValue(seconds) }).ConfigureAwait(false);
            return run.Done(result, o => o.WriteLine($"door released for {GatectlInvocation.Text(result["seconds"])} s"));
        });
        return new Command("door", "the door") { release };
    }

    /// <summary>Reads "1h", "30m", "45s", "7d", "2w" (before now) or a date/time (UTC unless it says otherwise).</summary>
    internal static DateTimeOffset ParseSince(string text, TimeProvider time)
    {
        var trimmed = text.Trim();
        if (trimmed.Length >= 2 && long.TryParse(trimmed[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount <= 100_000)
        {
            TimeSpan? span = trimmed[^1] switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                'w' => TimeSpan.FromDays(7 * amount),
                _ => null,
            };
            if (span is { } ago)
            {
                return time.GetUtcNow() - ago;
            }
        }

        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : throw new GatectlException($"--since '{text}' is neither a span like 1h, 30m, 7d nor a date like 2026-11-01", ExitUsage);
    }

    private static string RequireResidentId(string text) =>
        ResidentId.TryParse(text, out _, out var problem) ? text : throw new GatectlException(problem!, ExitUsage);
}
