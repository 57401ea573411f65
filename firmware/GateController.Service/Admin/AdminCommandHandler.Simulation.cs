using System.Text.Json.Nodes;
using GateController.Hardware.Door;
using GateController.Service.Simulation;
using GateController.Storage.Audit;

namespace GateController.Service.Admin;

/// <summary>
/// sim.card, sim.keys, sim.face, sim.input and sim.state: the hands of the simulated board (gatecontrollerd
/// <c>--simulate</c> only). Permission Configure: driving the board is a commissioning and test action, held by the
/// installer and technician roles. Each call is audited without the card UID, the keys pressed or the photo.
/// </summary>
internal sealed partial class AdminCommandHandler
{
    /// <summary>The wait for the door path to deal with an action when the request names none.</summary>
    internal const int DefaultSimulationTimeoutMilliseconds = 5000;

    private const int MaximumSimulationTimeoutMilliseconds = 60_000;
    private const int MaximumSimulatedKeys = 32;

    private async Task<JsonObject> SimulateAsync(string command, AdminArguments args, string operatorName, CancellationToken cancellationToken)
    {
        if (Simulation is not { } simulation)
        {
            _store.AppendAudit(AuditAction.OperatorAction, operatorName, null, $"refused {command}: not simulating");
            throw new AdminCommandException("simulation commands need gatecontrollerd --simulate");
        }

        try
        {
            return await SimulateOnBoardAsync(simulation, command, args, operatorName, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            // The simulated board lacks what the action needs (no keypad, no face reader configured): say so, as a refusal.
            _store.AppendAudit(AuditAction.OperatorAction, operatorName, null, $"refused {command}: {ex.Message}");
            throw new AdminCommandException(ex.Message, ex);
        }
    }

    private async Task<JsonObject> SimulateOnBoardAsync(ISimulationControl simulation, string command, AdminArguments args, string operatorName, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromMilliseconds(
            args.OptionalInt32("timeoutMilliseconds", DefaultSimulationTimeoutMilliseconds, 1, MaximumSimulationTimeoutMilliseconds));
        SimulationStepResult step;
        string detail;
        switch (command)
        {
            case "sim.card":
                var format = ParseFormat(args.OptionalString("format") ?? "wiegand26");
                var uid = ParseUid(args.RequiredString("uid"));
                detail = $"sim.card {AdminJson.FormatName(format)}";
                try
                {
                    step = await simulation.TapCardAsync(format, uid, timeout, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    Array.Clear(uid);
                }

                break;
            case "sim.keys":
                var keys = ParseKeys(args.RequiredString("keys"));
                detail = $"sim.keys: {keys.Length} keys";
                step = await simulation.PressKeysAsync(keys, timeout, cancellationToken).ConfigureAwait(false);
                break;
            case "sim.face":
                var photo = ParseSimulatedPhoto(args.OptionalString("photo"));
                detail = photo is null ? "sim.face: an empty scene" : "sim.face: a photo";
                step = await simulation.ShowFaceAsync(photo, timeout, cancellationToken).ConfigureAwait(false);
                break;
            case "sim.input":
                var input = ParseInput(args.RequiredString("input"));
                var active = args.RequiredBoolean("active");
                detail = $"sim.input {InputName(input)} {(active ? "on" : "off")}";
                step = await simulation.SetInputAsync(input, active, timeout, cancellationToken).ConfigureAwait(false);
                break;
            default:
                _store.AppendAudit(AuditAction.OperatorAction, operatorName, null, "sim.state");
                return new JsonObject { ["board"] = Board(simulation.ReadState()) };
        }

        _store.AppendAudit(AuditAction.OperatorAction, operatorName, null, detail);
        return Step(step);
    }

    /// <summary>The JSON of one step: decisions, door events and the board after it.</summary>
    internal static JsonObject Step(SimulationStepResult step) => new()
    {
        ["decisions"] = new JsonArray([.. step.Decisions.Select(d => (JsonNode)new JsonObject
        {
            ["method"] = d.Method,
            ["granted"] = d.Granted,
            ["reason"] = d.Reason,
            ["resident"] = d.Resident,
        })]),
        ["doorEvents"] = new JsonArray([.. step.DoorEvents.Select(e => (JsonNode)JsonValue.Create(e))]),
        ["board"] = Board(step.State),
    };

    /// <summary>The JSON of the board's lines.</summary>
    internal static JsonObject Board(SimulatedBoardState state) => new()
    {
        ["lockReleased"] = state.LockReleased,
        ["greenLed"] = state.GreenLed,
        ["redLed"] = state.RedLed,
        ["buzzer"] = state.Buzzer,
        ["doorOpen"] = state.DoorOpen,
        ["fireAlarm"] = state.FireAlarm,
        ["tamper"] = state.Tamper,
    };

    /// <summary>Checks the keys: 1–32 of '0'–'9', '*' and '#'.</summary>
    internal static string ParseKeys(string keys)
    {
        if (keys.Length > MaximumSimulatedKeys)
        {
            throw new AdminCommandException($"at most {MaximumSimulatedKeys} keys at a time, not {keys.Length}");
        }

        var bad = keys.FirstOrDefault(c => !(char.IsAsciiDigit(c) || c is '*' or '#'));
        return bad == default
            ? keys
            : throw new AdminCommandException($"keys must be 0-9, * and #; the keypad has no '{bad}'");
    }

    /// <summary>The photo to show: null (or "none") for an empty scene, else an absolute path to an existing file.</summary>
    internal static string? ParseSimulatedPhoto(string? photo)
    {
        if (photo is null || photo == "none")
        {
            return null;
        }

        if (!Path.IsPathFullyQualified(photo))
        {
            throw new AdminCommandException($"the photo must be an absolute path the service can read, not '{photo}'");
        }

        return File.Exists(photo) ? photo : throw new AdminCommandException($"photo {photo} does not exist");
    }

    /// <summary>exit, door, fire or tamper.</summary>
    internal static DoorInputKind ParseInput(string text) => text switch
    {
        "exit" => DoorInputKind.ExitButton,
        "door" => DoorInputKind.DoorContact,
        "fire" => DoorInputKind.FireAlarm,
        "tamper" => DoorInputKind.Tamper,
        _ => throw new AdminCommandException($"input must be exit, door, fire or tamper, not '{text}'"),
    };

    private static string InputName(DoorInputKind input) => input switch
    {
        DoorInputKind.ExitButton => "exit",
        DoorInputKind.DoorContact => "door",
        DoorInputKind.FireAlarm => "fire",
        _ => "tamper",
    };
}
