namespace GateController.Hardware.Gate;

/// <summary>Settings of the <see cref="AccessPipeline"/>.</summary>
public sealed class AccessPipelineOptions
{
    /// <summary>Credentials waiting for the decision loop; when full, new ones are dropped and counted (default 64).</summary>
    public int QueueCapacity { get; init; } = 64;

    /// <summary>Every problem with these options, one message per problem naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (QueueCapacity is < 1 or > 4096)
        {
            problems.Add($"{nameof(QueueCapacity)}: {QueueCapacity} is outside 1-4096");
        }

        return problems;
    }
}
