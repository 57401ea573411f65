using System.Globalization;
using System.Text.Json.Nodes;

namespace GateController.Cli.Tests.Crash;

/// <summary>
/// One resident's planned changes in order (add, card, consent given, consent withdrawn, delete — a prefix of them),
/// with how many the service acknowledged and whether the next one was sent without a reply (in flight at the kill).
/// </summary>
internal sealed class ResidentLifecycle
{
    public const int AllSteps = 5;
    public const string NoticeVersion = "2026-01";

    public ResidentLifecycle(int iteration, int number, int plannedSteps)
    {
        Id = string.Create(CultureInfo.InvariantCulture, $"K{iteration:D3}-{number:D3}");
        CardUid = string.Create(CultureInfo.InvariantCulture, $"{iteration:X4}{number:X4}");
        PlannedSteps = plannedSteps;
    }

    public string Id { get; }

    public string CardUid { get; }

    public int PlannedSteps { get; }

    /// <summary>Steps answered {"ok":true}.</summary>
    public int Acknowledged { get; set; }

    /// <summary>Step <see cref="Acknowledged"/> was sent and got no reply: it may or may not have been applied.</summary>
    public bool InFlight { get; set; }

    public bool IsFinished => Acknowledged == PlannedSteps;

    /// <summary>The step numbered <paramref name="step"/> (0 = add … 4 = delete) as an admin request.</summary>
    public (string Command, JsonObject Args) Request(int step) => step switch
    {
        0 => ("resident.add", new JsonObject { ["id"] = Id, ["name"] = "Test Resident " + Id, ["room"] = "9-" + Id[^3..] }),
        1 => ("card.add", new JsonObject { ["resident"] = Id, ["uid"] = CardUid, ["format"] = "mifare" }),
        2 => ("consent.give", new JsonObject { ["resident"] = Id, ["noticeVersion"] = NoticeVersion, ["form"] = "F-" + Id, ["language"] = "en" }),
        3 => ("consent.withdraw", new JsonObject { ["resident"] = Id, ["channel"] = "office" }),
        4 => ("resident.delete", new JsonObject { ["id"] = Id }),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "a lifecycle has steps 0–4"),
    };

    /// <summary>Whether the resident must exist (true), must not (false), or either is allowed (null: add or delete was in flight).</summary>
    public bool? MustExist => (Acknowledged, InFlight) switch
    {
        (0, false) => false,
        (0, true) => null,
        (4, true) => null,
        (AllSteps, _) => false,
        _ => true,
    };

    /// <summary>Whether step <paramref name="step"/> must be present (true), absent (false) or either (null).</summary>
    public bool? StepMustBePresent(int step) =>
        step < Acknowledged ? true : step == Acknowledged && InFlight ? null : false;
}
