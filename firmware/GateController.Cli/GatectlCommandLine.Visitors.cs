using System.CommandLine;
using System.Text.Json.Nodes;

namespace GateController.Cli;

/// <summary>visitor commands.</summary>
public static partial class GatectlCommandLine
{
    private static Command VisitorCommand(Action<Command, Func<GatectlInvocation, Task<int>>> act)
    {
        var resident = new Option<string>("--resident") { Description = "the resident who invites the visitor", Required = true };
        var validFor = new Option<string>("--valid-for") { Description = "how long the code works from now: 30m, 4h, 2d (at most 31 days)", Required = true };
        var uses = new Option<int>("--uses") { Description = "how many times the code opens the door, 1–100", DefaultValueFactory = _ => 1 };
        var create = new Command("create", "issue a visitor code; the code is shown once and never stored in clear") { resident, validFor, uses };
        act(create, async run =>
        {
            var count = run.Parse.GetValue(uses);
            if (count is < 1 or > 100)
            {
                throw new GatectlException($"--uses {count} is outside 1–100", ExitUsage);
            }

            var result = await run.CallAsync("visitor.create", new JsonObject
            {
                ["resident"] = RequireResidentId(run.Parse.GetValue(resident)!),
                ["validFor"] = run.Parse.GetValue(validFor),
                ["uses"] = count,
            }).ConfigureAwait(false);
            return run.Done(result, o =>
            {
                var code = result["visitorCode"]!;
                o.WriteLine($"visitor code: {GatectlInvocation.Text(result["code"])}");
                o.WriteLine($"  number {GatectlInvocation.Text(code["id"])} for {GatectlInvocation.Text(code["resident"])}'s visitor, valid until {GatectlInvocation.Text(code["validUntil"])}, {GatectlInvocation.Text(code["maximumUses"])} use(s)");
                o.WriteLine("  give the code to the visitor now: it cannot be shown again");
            });
        });

        var listResident = new Option<string?>("--resident") { Description = "only the codes this resident issued" };
        var list = new Command("list", "visitor codes by number (never the codes themselves)") { listResident };
        act(list, async run =>
        {
            var args = new JsonObject();
            if (run.Parse.GetValue(listResident) is { } issuer)
            {
                args["resident"] = RequireResidentId(issuer);
            }

            var result = await run.CallAsync("visitor.list", args).ConfigureAwait(false);
            return run.Done(result, o =>
            {
                var codes = result["visitorCodes"]!.AsArray();
                foreach (var c in codes)
                {
                    o.WriteLine($"{GatectlInvocation.Text(c!["id"]),6}  {GatectlInvocation.Text(c["resident"])}  {GatectlInvocation.Text(c["validFrom"])} to {GatectlInvocation.Text(c["validUntil"])}  uses {GatectlInvocation.Text(c["usesConsumed"])}/{GatectlInvocation.Text(c["maximumUses"])}  {GatectlInvocation.Text(c["state"])}");
                }

                o.WriteLine($"{codes.Count} visitor codes");
            });
        });

        var id = new Argument<long>("ID") { Description = "the code's number, from visitor list" };
        var revoke = new Command("revoke", "revoke a visitor code by its number") { id };
        act(revoke, async run =>
        {
            var number = run.Parse.GetValue(id);
            if (number is < 1 or > int.MaxValue)
            {
                throw new GatectlException($"visitor code number {number} is not a number from visitor list", ExitUsage);
            }

            var result = await run.CallAsync("visitor.revoke", new JsonObject { ["id"] = number }).ConfigureAwait(false);
            return run.Done(result, o => o.WriteLine($"visitor code {GatectlInvocation.Text(result["revoked"])} revoked"));
        });

        return new Command("visitor", "visitor codes residents give their visitors") { create, list, revoke };
    }
}
