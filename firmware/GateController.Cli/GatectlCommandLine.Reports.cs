using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using GateController.Core.Privacy;

namespace GateController.Cli;

/// <summary>report pia, report processing, and the store and face-template lines of status.</summary>
public static partial class GatectlCommandLine
{
    private static Command ReportCommand(Action<Command, Func<GatectlInvocation, Task<int>>> act)
    {
        var piaSince = new Option<string?>("--since") { Description = "count visitor codes issued since then (default: the last 30 days): a date, or a span like 90d" };
        var pia = new Command("pia", "the facts an impact assessment needs (PIPL art. 55/56), from the live configuration and store") { piaSince };
        act(pia, async run =>
        {
            var piaArgs = new JsonObject();
            if (run.Parse.GetValue(piaSince) is { } piaText)
            {
                piaArgs["since"] = ParseSince(piaText, run.Environment.Time).ToString("O", CultureInfo.InvariantCulture);
            }

            var result = await run.CallAsync("report.pia", piaArgs).ConfigureAwait(false);
            var facts = result["facts"] as JsonObject ?? throw new GatectlException("gatecontrollerd's report.pia reply holds no facts", ExitUnavailable);
            return run.Done(facts, o =>
            {
                var parsed = PrivacyImpactReport.FromJson(facts.ToJsonString())
                    ?? throw new GatectlException("gatecontrollerd's report.pia facts cannot be read", ExitUnavailable);
                o.Write(PrivacyImpactReport.ToText(parsed));
            });
        });

        var since = new Option<string?>("--since") { Description = "only records since then: a date like 2026-01-01, or a span like 30d" };
        var processing = new Command("processing", "the processing records from the audit log, for audits and the 3-year record-keeping duty; exits 2 when the audit chain is broken") { since };
        act(processing, async run =>
        {
            var args = new JsonObject();
            if (run.Parse.GetValue(since) is { } text)
            {
                args["since"] = ParseSince(text, run.Environment.Time).ToString("O", CultureInfo.InvariantCulture);
            }

            var result = await run.CallAsync("report.processing", args).ConfigureAwait(false);
            run.Done(result, o => WriteProcessing(o, result));

            // Like audit verify: the records are printed either way, but a broken chain is not a clean result.
            return result["chain"]?["intact"]?.GetValue<bool>() == true ? 0 : 2;
        });
        return new Command("report", "privacy reports") { pia, processing };
    }

    private static void WriteProcessing(TextWriter o, JsonObject result)
    {
        o.WriteLine("个人信息处理记录 / Processing records (PIPL art. 54-56)");
        o.WriteLine(result["since"] is null
            ? $"period: every record on this unit, until {GatectlInvocation.Text(result["until"])}"
            : $"period: {GatectlInvocation.Text(result["since"])} to {GatectlInvocation.Text(result["until"])}");
        o.WriteLine($"kept: at least {GatectlInvocation.Text(result["keptForYears"])} years; oldest record on this unit: {GatectlInvocation.Text(result["oldestRecord"])}");
        var chain = result["chain"]!;
        o.WriteLine((bool)chain["intact"]!
            ? $"audit chain: intact ({GatectlInvocation.Text(chain["entriesChecked"])} entries checked)"
            : $"audit chain: BROKEN at entry {GatectlInvocation.Text(chain["firstBadSequence"])}: {GatectlInvocation.Text(chain["problem"])}");
        o.WriteLine();
        o.WriteLine("by kind:");
        foreach (var category in result["categories"]!.AsArray())
        {
            o.WriteLine($"  {GatectlInvocation.Text(category!["heading"]),-52} {GatectlInvocation.Text(category["count"]),7}");
        }

        var records = result["records"]!.AsArray();
        o.WriteLine();
        o.WriteLine($"records: {records.Count}");
        foreach (var e in records)
        {
            o.WriteLine($"{GatectlInvocation.Text(e!["sequence"]),7}  {GatectlInvocation.Text(e["time"])}  {GatectlInvocation.Text(e["category"]),-15} {GatectlInvocation.Text(e["action"]),-20} operator {GatectlInvocation.Text(e["operator"])}  resident {GatectlInvocation.Text(e["resident"])}  {GatectlInvocation.Text(e["detail"])}");
        }
    }

    private static void WriteStoreStatus(TextWriter o, JsonObject result)
    {
        if (result["store"] is JsonObject store)
        {
            o.WriteLine($"store:           {GatectlInvocation.Text(store["residents"])} residents ({GatectlInvocation.Text(store["minorResidents"])} minors), {GatectlInvocation.Text(store["cards"])} cards, {GatectlInvocation.Text(store["pins"])} PINs, {GatectlInvocation.Text(store["activeFaceConsents"])} active face consents");
        }

        if (result["faceTemplateScale"] is JsonObject scale)
        {
            o.WriteLine($"face templates:  {GatectlInvocation.Text(scale["templates"])} stored; filing threshold {GatectlInvocation.Text(scale["filingThreshold"])} (warning from {GatectlInvocation.Text(scale["warningAt"])})");
        }

        if (result["consentsNeedingRenewal"] is { } renewals)
        {
            o.WriteLine($"renewals:        {GatectlInvocation.Text(renewals)} residents whose face consent was given under an earlier notice");
        }
    }
}
