using System.CommandLine;
using System.Text.Json.Nodes;

namespace GateController.Cli;

/// <summary>consent commands.</summary>
public static partial class GatectlCommandLine
{
    private static Command ConsentCommand(Action<Command, Func<GatectlInvocation, Task<int>>> act)
    {
        var resident = new Option<string>("--resident") { Description = "who consents", Required = true };
        var version = new Option<string>("--notice-version") { Description = "the version of the notice the resident read", Required = true };
        var form = new Option<string>("--form") { Description = "the signed paper form's number", Required = true };
        var guardian = new Option<string?>("--guardian") { Description = "the guardian who consents for a minor" };
        var give = new Command("give", "record a separate face consent (PIPL art. 29)") { resident, version, form, guardian };
        act(give, async run =>
        {
            var result = await run.CallAsync("consent.give", new JsonObject
            {
                ["resident"] = RequireResidentId(run.Parse.GetValue(resident)!),
                ["noticeVersion"] = run.Parse.GetValue(version),
                ["form"] = run.Parse.GetValue(form),
                ["guardian"] = run.Parse.GetValue(guardian),
            }).ConfigureAwait(false);
            return run.Done(result, o =>
            {
                var c = result["consent"]!;
                o.WriteLine($"face consent {GatectlInvocation.Text(c["consentId"])} recorded for {GatectlInvocation.Text(c["resident"])}: notice {GatectlInvocation.Text(c["noticeVersion"])}, form {GatectlInvocation.Text(c["form"])}; receipt {GatectlInvocation.Text(result["receiptNumber"])}");
            });
        });

        var withdrawResident = new Option<string>("--resident") { Description = "who withdraws", Required = true };
        var channel = new Option<string>("--channel") { Description = "office|gate", DefaultValueFactory = _ => "office" };
        channel.AcceptOnlyFromAmong("office", "gate");
        var withdraw = new Command("withdraw", "withdraw the face consent; face templates are deleted at once, card and PIN keep working") { withdrawResident, channel };
        act(withdraw, async run =>
        {
            var result = await run.CallAsync("consent.withdraw", new JsonObject
            {
                ["resident"] = RequireResidentId(run.Parse.GetValue(withdrawResident)!),
                ["channel"] = run.Parse.GetValue(channel),
            }).ConfigureAwait(false);
            return run.Done(result, o => o.WriteLine($"face consent of {GatectlInvocation.Text(result["consent"]!["resident"])} withdrawn; face templates deleted; card and PIN keep working"));
        });

        var showResident = new Argument<string>("R") { Description = "the resident's id" };
        var receipt = new Option<bool>("--receipt") { Description = "print the consent receipt in two copies (一式两联)" };
        var html = new Option<FileInfo?>("--html") { Description = "with --receipt: also write the receipt as a printable HTML page" };
        var show = new Command("show", "a resident's consents") { showResident, receipt, html };
        act(show, async run =>
        {
            var htmlFile = run.Parse.GetValue(html);
            var wantReceipt = run.Parse.GetValue(receipt);
            if (htmlFile is not null && !wantReceipt)
            {
                throw new GatectlException("--html needs --receipt", ExitUsage);
            }

            var result = await run.CallAsync("consent.show", new JsonObject
            {
                ["resident"] = RequireResidentId(run.Parse.GetValue(showResident)!),
                ["receipt"] = wantReceipt,
            }).ConfigureAwait(false);
            if (htmlFile is not null)
            {
                await File.WriteAllTextAsync(htmlFile.FullName, GatectlInvocation.Text(result["receipt"]!["html"]), run.CancellationToken).ConfigureAwait(false);
            }

            return run.Done(result, o =>
            {
                if (wantReceipt)
                {
                    o.WriteLine(GatectlInvocation.Text(result["receipt"]!["text"]));
                    if (htmlFile is not null)
                    {
                        o.WriteLine($"receipt {GatectlInvocation.Text(result["receipt"]!["number"])} written to {htmlFile.FullName}");
                    }
                }
                else
                {
                    WriteConsents(o, result["consents"]!.AsArray());
                }
            });
        });
        return new Command("consent", "separate face consents") { give, withdraw, show };
    }
}
