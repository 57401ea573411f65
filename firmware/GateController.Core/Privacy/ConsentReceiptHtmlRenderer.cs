using System.Net;
using System.Text;

namespace GateController.Core.Privacy;

/// <summary>
/// HTML rendering of <see cref="ConsentReceipt"/>: one A4 sheet (CSS <c>@page size: A4</c>), the two copies one above
/// the other, split by a dashed cut line. Self-contained: inline CSS, system fonts, no scripts, images or links.
/// </summary>
internal static class ConsentReceiptHtmlRenderer
{
    private const string Style = """
        @page { size: A4; margin: 0; }
        * { box-sizing: border-box; }
        html, body { margin: 0; padding: 0; background: #fff; color: #000; }
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 8.4pt; line-height: 1.28; }
        .sheet { width: 210mm; height: 296mm; padding: 9mm 13mm 8mm; display: flex; flex-direction: column; overflow: hidden; }
        .copy { flex: 1 1 0; display: flex; flex-direction: column; min-height: 0; }
        .head { display: flex; justify-content: space-between; align-items: baseline; border-bottom: 0.5mm solid #000; padding-bottom: 1mm; margin-bottom: 1.5mm; }
        h1 { font-size: 12pt; margin: 0; white-space: nowrap; }
        h1 small { font-size: 8.4pt; font-weight: normal; }
        .label { font-size: 9pt; font-weight: bold; border: 0.3mm solid #000; padding: 0.3mm 2mm; white-space: nowrap; }
        table { width: 100%; border-collapse: collapse; }
        th { text-align: left; font-weight: normal; color: #333; width: 44mm; vertical-align: top; padding: 0.35mm 2mm 0.35mm 0; white-space: nowrap; }
        td { vertical-align: top; padding: 0.35mm 0; overflow-wrap: anywhere; }
        .mono { font-family: "DejaVu Sans Mono", "Noto Sans Mono", monospace; font-size: 7.6pt; }
        h2 { font-size: 9pt; margin: 1.6mm 0 0.5mm; }
        ol { margin: 0; padding-left: 5mm; }
        .assurance { margin: 1.4mm 0 0; font-size: 7.8pt; border-left: 0.8mm solid #000; padding-left: 2mm; }
        .signatures { margin-top: auto; display: flex; gap: 8mm; padding-top: 1.5mm; }
        .signatures div { flex: 1; border-bottom: 0.3mm solid #000; padding-top: 5mm; font-size: 7.4pt; white-space: nowrap; }
        .cut { flex: 0 0 auto; margin: 4mm -13mm 4mm; border-top: 0.4mm dashed #000; text-align: center; height: 0; }
        .cut span { position: relative; top: -2.4mm; background: #fff; padding: 0 3mm; font-size: 7.5pt; }
        """;

    public static string Render(ConsentReceipt receipt)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<title>").Append(Encode($"{ConsentReceiptTextRenderer.Title} {receipt.Number}")).Append("</title>\n");
        html.Append("<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n<div class=\"sheet\">\n");
        for (var copy = 0; copy < ConsentReceipt.CopyLabels.Count; copy++)
        {
            if (copy > 0)
            {
                html.Append("<div class=\"cut\"><span>✂ 沿此线剪开 / cut here</span></div>\n");
            }

            AppendCopy(html, receipt, ConsentReceipt.CopyLabels[copy]);
        }

        html.Append("</div>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendCopy(StringBuilder html, ConsentReceipt receipt, string copyLabel)
    {
        html.Append("<section class=\"copy\">\n<div class=\"head\"><h1>").Append(Encode(ConsentReceiptTextRenderer.ChineseTitle)).Append(" <small>").Append(Encode(ConsentReceiptTextRenderer.EnglishTitle)).Append("</small>")
            .Append("</h1><span class=\"label\">").Append(Encode(copyLabel)).Append("</span></div>\n<table>\n");
        foreach (var row in receipt.Rows())
        {
            var mono = row.Value == receipt.Notice.Sha256 || row.Value == receipt.Notice.ShortSha256 || row.Value == receipt.Number.Value;
            html.Append("<tr><th>").Append(Encode(row.Key)).Append("</th><td").Append(mono ? " class=\"mono\"" : string.Empty).Append('>')
                .Append(Encode(row.Value)).Append("</td></tr>\n");
        }

        html.Append("</table>\n<h2>如何撤回同意 / How to withdraw consent</h2>\n<ol>\n");
        foreach (var line in receipt.WithdrawalInstructions())
        {
            html.Append("<li>").Append(Encode(line)).Append("</li>\n");
        }

        html.Append("</ol>\n<p class=\"assurance\">").Append(Encode(ConsentReceiptWording.Assurance)).Append("</p>\n");
        html.Append("<div class=\"signatures\"><div>居民（监护人）签字 / Resident or guardian</div><div>经办人签字 / Operator</div><div>日期 / Date</div></div>\n");
        html.Append("</section>\n");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
