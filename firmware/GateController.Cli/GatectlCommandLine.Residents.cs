using System.CommandLine;
using System.Text.Json.Nodes;

namespace GateController.Cli;

/// <summary>resident, card and pin commands.</summary>
public static partial class GatectlCommandLine
{
    private static Command ResidentCommand(Action<Command, Func<GatectlInvocation, Task<int>>> act)
    {
        var id = new Option<string>("--id") { Description = "the resident's pseudonymous id, for example R0042", Required = true };
        var name = new Option<string>("--name") { Description = "the resident's name (kept on the unit only)", Required = true };
        var room = new Option<string?>("--room") { Description = "building and room, for example 3-201" };
        var minor = new Option<bool>("--minor") { Description = "the resident is a minor (face consent needs a guardian)" };
        var add = new Command("add", "add a resident") { id, name, room, minor };
        act(add, async run =>
        {
            var result = await run.CallAsync("resident.add", new JsonObject
            {
                ["id"] = RequireResidentId(run.Parse.GetValue(id)!),
                ["name"] = run.Parse.GetValue(name),
                ["room"] = run.Parse.GetValue(room),
                ["minor"] = run.Parse.GetValue(minor),
            }).ConfigureAwait(false);
            return run.Done(result, o => o.WriteLine($"added resident {GatectlInvocation.Text(result["resident"]!["id"])}"));
        });

        var list = new Command("list", "list residents");
        act(list, async run =>
        {
            var result = await run.CallAsync("resident.list", []).ConfigureAwait(false);
            return run.Done(result, o =>
            {
                var residents = result["residents"]!.AsArray();
                foreach (var r in residents)
                {
                    o.WriteLine($"{GatectlInvocation.Text(r!["id"]),-12} {GatectlInvocation.Text(r["room"]),-8} {GatectlInvocation.Text(r["status"]),-9} {((bool)r["minor"]! ? "minor " : string.Empty)}{GatectlInvocation.Text(r["name"])}");
                }

                o.WriteLine($"{residents.Count} residents");
            });
        });

        var groupResident = new Argument<string>("R") { Description = "the resident's id" };
        var groupName = new Argument<string?>("GROUP") { Description = "an access group defined in the door configuration (Door:AccessGroups)", Arity = ArgumentArity.ZeroOrOne };
        var none = new Option<bool>("--none") { Description = "no group: the door's default policy" };
        var setGroup = new Command("set-group", "put a resident in an access group (its methods and time windows apply), or in none") { groupResident, groupName, none };
        act(setGroup, async run =>
        {
            var group = run.Parse.GetValue(groupName);
            var clear = run.Parse.GetValue(none);
            if ((group is null) == !clear)
            {
                throw new GatectlException("give exactly one of GROUP or --none", ExitUsage);
            }

            var result = await run.CallAsync("resident.set-group", new JsonObject
            {
                ["id"] = RequireResidentId(run.Parse.GetValue(groupResident)!),
                ["group"] = group,
            }).ConfigureAwait(false);
            return run.Done(result, o => o.WriteLine(result["group"] is null
                ? $"resident {GatectlInvocation.Text(result["resident"])} is in no access group (the door's default policy)"
                : $"resident {GatectlInvocation.Text(result["resident"])} is in access group {GatectlInvocation.Text(result["group"])}"));
        });

        return new Command("resident", "residents")
        {
            add,
            list,
            setGroup,
            ResidentIdCommand(act, "show", "show a resident, their consents and face templates", "resident.show", WriteResident),
            ResidentIdCommand(act, "move-out", "mark a resident moved out; their face data is deleted at once", "resident.move-out", (o, r) =>
                o.WriteLine($"resident {GatectlInvocation.Text(r["resident"]!["id"])} moved out; face data deleted, credentials refused")),
            ResidentIdCommand(act, "delete", "delete a resident with cards, PIN, consents and face data (crypto-shredding)", "resident.delete", (o, r) =>
                o.WriteLine($"resident {GatectlInvocation.Text(r["deleted"])} deleted with cards, PIN, consents and face data")),
            ResidentIdCommand(act, "export", "a copy of what the unit holds about a resident (PIPL art. 45)", "resident.export", WriteCopy),
        };
    }

    private static Command ResidentIdCommand(
        Action<Command, Func<GatectlInvocation, Task<int>>> act, string name, string description, string apiCommand, Action<TextWriter, JsonObject> human)
    {
        var resident = new Argument<string>("R") { Description = "the resident's id" };
        var command = new Command(name, description) { resident };
        act(command, async run =>
        {
            var result = await run.CallAsync(apiCommand, new JsonObject { ["id"] = RequireResidentId(run.Parse.GetValue(resident)!) }).ConfigureAwait(false);
            return run.Done(result, o => human(o, result));
        });
        return command;
    }

    private static void WriteResident(TextWriter o, JsonObject result)
    {
        var r = result["resident"]!;
        o.WriteLine($"resident {GatectlInvocation.Text(r["id"])}: {GatectlInvocation.Text(r["name"])}, room {GatectlInvocation.Text(r["room"])}, {GatectlInvocation.Text(r["status"])}{((bool)r["minor"]! ? ", minor" : string.Empty)}");
        o.WriteLine(r["group"] is null
            ? "access group: none (the door's default policy)"
            : r["groupDefined"]?.GetValue<bool>() == false
                ? $"access group: {GatectlInvocation.Text(r["group"])} (NOT DEFINED at this door: refused until given a defined group or none)"
                : $"access group: {GatectlInvocation.Text(r["group"])}");
        WriteConsents(o, result["consents"]!.AsArray());
        WriteTemplates(o, result["faceTemplates"]!.AsArray());
    }

    private static void WriteCopy(TextWriter o, JsonObject result)
    {
        var copy = result["copy"]!;
        var r = copy["resident"]!;
        o.WriteLine($"What this unit holds about resident {GatectlInvocation.Text(r["id"])} (copy made {GatectlInvocation.Text(copy["exportedAt"])})");
        o.WriteLine($"name: {GatectlInvocation.Text(r["name"])}; room: {GatectlInvocation.Text(r["room"])}; status: {GatectlInvocation.Text(r["status"])}; minor: {((bool)r["minor"]! ? "yes" : "no")}");
        var cards = copy["cards"]!.AsArray();
        o.WriteLine($"cards: {cards.Count} (stored only as keyed hashes; the card numbers cannot be read back)");
        foreach (var card in cards)
        {
            o.WriteLine($"  {GatectlInvocation.Text(card!["format"])} card added {GatectlInvocation.Text(card["addedAt"])}");
        }

        o.WriteLine(copy["pinSetAt"] is null ? "PIN: none" : $"PIN: set {GatectlInvocation.Text(copy["pinSetAt"])} (stored only as a salted hash)");
        WriteConsents(o, copy["consents"]!.AsArray());
        WriteTemplates(o, copy["faceTemplates"]!.AsArray());
        var codes = copy["visitorCodes"]?.AsArray() ?? [];
        o.WriteLine($"visitor codes asked for: {codes.Count} (stored only as keyed hashes; the codes cannot be shown)");
        foreach (var code in codes)
        {
            o.WriteLine($"  visitor code no. {GatectlInvocation.Text(code!["id"])}: issued {GatectlInvocation.Text(code["issuedAt"])}, valid {GatectlInvocation.Text(code["validFrom"])} to {GatectlInvocation.Text(code["validUntil"])}, used {GatectlInvocation.Text(code["usesConsumed"])} of {GatectlInvocation.Text(code["maximumUses"])}, {GatectlInvocation.Text(code["state"])}");
        }
    }

    private static void WriteConsents(TextWriter o, JsonArray consents)
    {
        o.WriteLine($"consents: {consents.Count}");
        foreach (var c in consents)
        {
            var state = (bool)c!["active"]! ? "active" : $"withdrawn {GatectlInvocation.Text(c["withdrawnAt"])} ({GatectlInvocation.Text(c["withdrawalChannel"])})";
            if (c["needsRenewal"]?.GetValue<bool>() == true)
            {
                state += $"; NEEDS RENEWAL: {GatectlInvocation.Text(c["renewal"])}";
            }

            o.WriteLine($"  consent {GatectlInvocation.Text(c["consentId"])}: {GatectlInvocation.Text(c["kind"])}, notice {GatectlInvocation.Text(c["noticeVersion"])}, {GatectlInvocation.Text(c["channel"])} form {GatectlInvocation.Text(c["form"])}, given {GatectlInvocation.Text(c["givenAt"])} by operator {GatectlInvocation.Text(c["operator"])}; {state}");
        }
    }

    private static void WriteTemplates(TextWriter o, JsonArray templates)
    {
        o.WriteLine($"face templates: {templates.Count} (encrypted; no face image is ever stored)");
        foreach (var t in templates)
        {
            o.WriteLine($"  template {GatectlInvocation.Text(t!["templateId"])}: model {GatectlInvocation.Text(t["modelId"])}, made {GatectlInvocation.Text(t["createdAt"])} under consent {GatectlInvocation.Text(t["consentId"])}");
        }
    }

    private static Command CardCommand(Action<Command, Func<GatectlInvocation, Task<int>>> act)
    {
        var resident = new Option<string>("--resident") { Description = "the card's owner", Required = true };
        var uid = new Option<string>("--uid") { Description = "the card number in hexadecimal", Required = true };
        var format = new Option<string>("--format") { Description = "wiegand26|wiegand34|wiegand37|mifare|em4100|raw-wiegand", DefaultValueFactory = _ => "wiegand26" };
        var add = new Command("add", "register a card") { resident, uid, format };
        act(add, async run =>
        {
            var result = await run.CallAsync("card.add", new JsonObject
            {
                ["resident"] = RequireResidentId(run.Parse.GetValue(resident)!),
                ["uid"] = run.Parse.GetValue(uid),
                ["format"] = run.Parse.GetValue(format),
            }).ConfigureAwait(false);
            return run.Done(result, o => o.WriteLine($"{GatectlInvocation.Text(result["format"])} card {GatectlInvocation.Text(result["cardId"])} registered to {GatectlInvocation.Text(result["resident"])}"));
        });

        var removeUid = new Option<string>("--uid") { Description = "the card number in hexadecimal", Required = true };
        var removeFormat = new Option<string?>("--format") { Description = "the card's format (default: whichever matches)" };
        var remove = new Command("remove", "remove a card") { removeUid, removeFormat };
        act(remove, async run =>
        {
            var result = await run.CallAsync("card.remove", new JsonObject { ["uid"] = run.Parse.GetValue(removeUid), ["format"] = run.Parse.GetValue(removeFormat) }).ConfigureAwait(false);
            return run.Done(result, o => o.WriteLine($"{GatectlInvocation.Text(result["format"])} card removed"));
        });
        return new Command("card", "cards") { add, remove };
    }

    private static Command PinCommand(Action<Command, Func<GatectlInvocation, Task<int>>> act)
    {
        var resident = new Option<string>("--resident") { Description = "whose PIN", Required = true };
        var pin = new Option<string?>("--pin") { Description = "the PIN, 4–12 digits (visible in the shell history; prefer --stdin)" };
        var stdin = new Option<bool>("--stdin") { Description = "read the PIN from the first line of standard input" };
        var set = new Command("set", "set or replace a resident's PIN") { resident, pin, stdin };
        act(set, async run =>
        {
            var given = run.Parse.GetValue(pin);
            var fromInput = run.Parse.GetValue(stdin);
            if ((given is null) == !fromInput)
            {
                throw new GatectlException("give exactly one of --pin DIGITS or --stdin", ExitUsage);
            }

            var value = given ?? (await run.Environment.Input.ReadLineAsync(run.CancellationToken).ConfigureAwait(false))?.Trim()
                ?? throw new GatectlException("no PIN on standard input", ExitUsage);
            var result = await run.CallAsync("pin.set", new JsonObject { ["resident"] = RequireResidentId(run.Parse.GetValue(resident)!), ["pin"] = value }).ConfigureAwait(false);
            return run.Done(result, o => o.WriteLine($"PIN set for {GatectlInvocation.Text(result["resident"])}"));
        });
        return new Command("pin", "PINs") { set };
    }
}
