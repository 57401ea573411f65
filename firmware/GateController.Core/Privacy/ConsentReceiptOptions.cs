namespace GateController.Core.Privacy;

/// <summary>What a consent receipt says about the processor and how to withdraw.</summary>
public sealed class ConsentReceiptOptions
{
    /// <summary>The personal-information processor (the property service company or owners' committee), as printed.</summary>
    public string ProcessorName { get; set; } = string.Empty;

    /// <summary>Where and how to reach the property office, for example "3号楼一层物业服务中心，电话 0571-00000000".</summary>
    public string OfficeContact { get; set; } = string.Empty;

    /// <summary>The gate withdrawal keys, as configured for <see cref="GateWithdrawalSequence"/>.</summary>
    public GateWithdrawalOptions GateWithdrawal { get; set; } = new();

    /// <summary>Every problem, one message per problem naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(ProcessorName))
        {
            problems.Add($"{nameof(ProcessorName)}: must name the personal-information processor printed on the receipt");
        }

        if (string.IsNullOrWhiteSpace(OfficeContact))
        {
            problems.Add($"{nameof(OfficeContact)}: must say where and how to reach the property office");
        }

        if (GateWithdrawal is null)
        {
            problems.Add($"{nameof(GateWithdrawal)}: must be set");
        }
        else
        {
            problems.AddRange(GateWithdrawal.Validate().Select(p => $"{nameof(GateWithdrawal)}.{p}"));
        }

        return problems;
    }
}
