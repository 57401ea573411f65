using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;

namespace GateController.Cli;

/// <summary>
/// sim: the hands of the simulated board of <c>gatecontrollerd --simulate</c> (tap a card, press keys, show a face, drive
/// a door input) and what each action led to: the access decisions, the door's events and the board afterwards.
/// </summary>
public static partial class GatectlCommandLine
{
    private static Command SimulationCommand(Action<Command, Func<GatectlInvocation, Task<int>>> act)
    {
        var timeout = new Option<int>("--timeout-ms")
        {
            Description = "how long the service waits for the door path to deal with the action, in milliseconds",
            DefaultValueFactory = _ => 5000,
            Recursive = true,
        };

        var uid = new Argument<string>("UID") { Description = "the card's UID in hexadecimal, for example 2A3039" };
        var format = new Option<string>("--format") { Description = "the card's format", DefaultValueFactory = _ => "wiegand26" };
        format.AcceptOnlyFromAmong("wiegand26", "wiegand34", "wiegand37", "mifare", "em4100", "raw-wiegand");
        var card = new Command("card", "tap a card on the simulated reader") { uid, format };
        act(card, run => SimulateAsync(run, "sim.card", new JsonObject { ["uid"] = run.Parse.GetValue(uid), ["format"] = run.Parse.GetValue(format) }, timeout));

        var keys = new Argument<string>("KEYS") { Description = "keys pressed one after another: 0-9, * and #, for example \"1234#\"" };
        var keypad = new Command("keys", "press keys on the simulated keypad") { keys };
        act(keypad, run => SimulateAsync(run, "sim.keys", new JsonObject { ["keys"] = run.Parse.GetValue(keys) }, timeout));

        var photo = new Argument<string>("FILE") { Description = "a JPEG photo put in front of the camera, or 'none' for an empty scene" };
        var face = new Command("face", "show a face (a photo) to the simulated camera") { photo };
        act(face, run => SimulateAsync(run, "sim.face", new JsonObject { ["photo"] = SimulatedPhotoPath(run.Parse.GetValue(photo)!) }, timeout));

        var inputKind = new Argument<string>("INPUT") { Description = "exit (button), door (contact: on = open), fire (alarm) or tamper" };
        inputKind.AcceptOnlyFromAmong("exit", "door", "fire", "tamper");
        var inputState = new Argument<string>("STATE") { Description = "on or off" };
        inputState.AcceptOnlyFromAmong("on", "off");
        var input = new Command("input", "drive a door input line") { inputKind, inputState };
        act(input, run => SimulateAsync(
            run,
            "sim.input",
            new JsonObject { ["input"] = run.Parse.GetValue(inputKind), ["active"] = run.Parse.GetValue(inputState) == "on" },
            timeout));

        var state = new Command("state", "the simulated board's lock, LEDs, buzzer and inputs");
        act(state, async run =>
        {
            var result = await run.CallAsync("sim.state", []).ConfigureAwait(false);
            return run.Done(result, o => o.WriteLine($"board:     {BoardText(result["board"])}"));
        });

        return new Command("sim", "drive the simulated board of gatecontrollerd --simulate (the demo and end-to-end tests)")
        {
            timeout, card, keypad, face, input, state,
        };
    }

    private static async Task<int> SimulateAsync(GatectlInvocation run, string command, JsonObject args, Option<int> timeout)
    {
        var milliseconds = run.Parse.GetValue(timeout);
        if (milliseconds is < 1 or > 60_000)
        {
            throw new GatectlException($"--timeout-ms {milliseconds} must be 1–60000", ExitUsage);
        }

        args["timeoutMilliseconds"] = milliseconds;
        var result = await run.CallAsync(command, args).ConfigureAwait(false);
        return run.Done(result, o => WriteStep(o, result));
    }

    /// <summary>The photo's full path after checking it is a JPEG, or null for "none".</summary>
    private static string? SimulatedPhotoPath(string text)
    {
        if (text == "none")
        {
            return null;
        }

        var path = Path.GetFullPath(text);
        if (!File.Exists(path))
        {
            throw new GatectlException($"photo {path} does not exist", ExitUsage);
        }

        Span<byte> head = stackalloc byte[8];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        var problem = PhotoSignatureProblem(head[..read]);
        return problem is null ? path : throw new GatectlException($"photo {path} {problem}", ExitUsage);
    }

    /// <summary>One line per decision, the door's events, and the board.</summary>
    internal static void WriteStep(TextWriter output, JsonObject result)
    {
        var decisions = result["decisions"]?.AsArray() ?? [];
        if (decisions.Count == 0)
        {
            output.WriteLine("decision:  none");
        }

        foreach (var decision in decisions)
        {
            var granted = (bool?)decision!["granted"] == true;
            var resident = decision["resident"] is { } id ? $" resident {GatectlInvocation.Text(id)}" : string.Empty;
            output.WriteLine($"decision:  {GatectlInvocation.Text(decision["method"])} {(granted ? "granted" : "refused")} ({GatectlInvocation.Text(decision["reason"])}){resident}");
        }

        var events = result["doorEvents"]?.AsArray() ?? [];
        output.WriteLine($"door:      {(events.Count == 0 ? "no change" : string.Join(", ", events.Select(GatectlInvocation.Text)))}");
        output.WriteLine($"board:     {BoardText(result["board"])}");
    }

    private static string BoardText(JsonNode? board)
    {
        if (board is null)
        {
            return "—";
        }

        string OnOff(string name) => (bool?)board[name] == true ? "on" : "off";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"lock {((bool?)board["lockReleased"] == true ? "released" : "locked")}, green {OnOff("greenLed")}, red {OnOff("redLed")}, buzzer {GatectlInvocation.Text(board["buzzer"])}, door {((bool?)board["doorOpen"] == true ? "open" : "closed")}, fire alarm {OnOff("fireAlarm")}, tamper {OnOff("tamper")}");
    }
}
