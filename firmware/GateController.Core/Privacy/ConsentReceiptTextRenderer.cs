using System.Text;

namespace GateController.Core.Privacy;

/// <summary>Plain-text rendering of <see cref="ConsentReceipt"/>: two copies, a dashed cut line between them.</summary>
internal static class ConsentReceiptTextRenderer
{
    internal const string ChineseTitle = "人脸识别单独同意回执";
    internal const string EnglishTitle = "Receipt for separate consent to face recognition";
    internal const string Title = ChineseTitle + " / " + EnglishTitle;
    internal const string CutLine = "- - - - - - - - - - - -  沿此线剪开 / cut here  - - - - - - - - - - - -";

    public static string Render(ConsentReceipt receipt)
    {
        var text = new StringBuilder();
        for (var copy = 0; copy < ConsentReceipt.CopyLabels.Count; copy++)
        {
            if (copy > 0)
            {
                text.Append('\n').Append(CutLine).Append("\n\n");
            }

            text.Append(Title).Append('\n');
            text.Append(ConsentReceipt.CopyLabels[copy]).Append('\n');
            text.Append('=', 72).Append('\n');
            foreach (var row in receipt.Rows())
            {
                text.Append(row.Key).Append(": ").Append(row.Value).Append('\n');
            }

            text.Append('\n').Append("如何撤回同意 / How to withdraw consent:").Append('\n');
            var number = 1;
            foreach (var line in receipt.WithdrawalInstructions())
            {
                text.Append("  ").Append(number++).Append(". ").Append(line).Append('\n');
            }

            text.Append('\n').Append(ConsentReceiptWording.Assurance).Append('\n');
            text.Append('\n').Append("居民（监护人）签字 / Resident (guardian) signature: ____________________").Append('\n');
            text.Append("经办人签字 / Operator signature: ____________________   日期 / Date: ____________").Append('\n');
        }

        return text.ToString();
    }
}
