namespace GateController.Hardware.Readers.Wiegand;

/// <summary>Which frames a Wiegand decoder accepts besides the 26, 34 and 37-bit card formats.</summary>
public sealed class WiegandDecoderOptions
{
    /// <summary>The decoder's defaults: standard formats and keypad bursts, no raw lengths.</summary>
    public static WiegandDecoderOptions Default { get; } = new();

    /// <summary>Frame lengths (other than 4, 8, 26, 34, 37) accepted as raw cards without a parity check, for example 32 or 40.</summary>
    public IReadOnlyList<int> RawFrameBitCounts { get; init; } = [];

    /// <summary>Accept 4-bit and 8-bit keypad bursts (default true).</summary>
    public bool AcceptKeypadBursts { get; init; } = true;

    /// <summary>Every problem with these options, one message per problem naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        foreach (var count in RawFrameBitCounts)
        {
            if (count is < 1 or > WiegandFrame.MaximumBitCount)
            {
                problems.Add($"{nameof(RawFrameBitCounts)}: {count} is outside 1-{WiegandFrame.MaximumBitCount}");
            }
            else if (count is 26 or 34 or 37 || (AcceptKeypadBursts && count is 4 or 8))
            {
                problems.Add($"{nameof(RawFrameBitCounts)}: {count} is already a decoded format");
            }
        }

        foreach (var duplicate in RawFrameBitCounts.GroupBy(c => c).Where(g => g.Count() > 1))
        {
            problems.Add($"{nameof(RawFrameBitCounts)}: {duplicate.Key} is listed {duplicate.Count()} times");
        }

        return problems;
    }
}
