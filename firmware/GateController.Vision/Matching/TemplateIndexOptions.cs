namespace GateController.Vision.Matching;

/// <summary>Settings of a <see cref="TemplateIndex"/>.</summary>
public sealed class TemplateIndexOptions
{
    /// <summary>Threads a search may use (1 = the caller's thread only).</summary>
    public int MaximumDegreeOfParallelism { get; set; } = 1;

    /// <summary>Galleries smaller than this are always scanned on one thread.</summary>
    public int ParallelMinimumTemplates { get; set; } = 16_384;

    /// <summary>Returns every problem with these settings, one message per setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaximumDegreeOfParallelism < 1 || MaximumDegreeOfParallelism > 64)
        {
            problems.Add($"{nameof(MaximumDegreeOfParallelism)} must be 1–64, not {MaximumDegreeOfParallelism}");
        }

        if (ParallelMinimumTemplates < 1)
        {
            problems.Add($"{nameof(ParallelMinimumTemplates)} must be at least 1, not {ParallelMinimumTemplates}");
        }

        return problems;
    }
}
