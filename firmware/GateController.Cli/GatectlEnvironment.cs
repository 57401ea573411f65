namespace GateController.Cli;

/// <summary>What gatectl reads from its surroundings: standard input, the clock, whether standard error is a terminal, the default operator.</summary>
internal sealed class GatectlEnvironment
{
    /// <summary>Standard input, for <c>pin set --stdin</c>.</summary>
    public TextReader Input { get; init; } = TextReader.Null;

    /// <summary>The clock, for relative <c>--since</c> values.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>True when standard error is a terminal: import then shows progress.</summary>
    public bool IsTerminal { get; init; }

    /// <summary>The operator used when <c>--operator</c> is not given (GATECTL_OPERATOR, else the login name).</summary>
    public string? DefaultOperator { get; init; }

    /// <summary>
    /// Waits between polls of <c>events --follow</c>; null waits on <see cref="Time"/>. Tests supply their own to step
    /// the loop one poll at a time.
    /// </summary>
    public Func<TimeSpan, CancellationToken, Task>? PollWait { get; init; }

    /// <summary>Waits <paramref name="interval"/> before the next poll.</summary>
    public Task WaitBeforePollAsync(TimeSpan interval, CancellationToken cancellationToken) =>
        PollWait?.Invoke(interval, cancellationToken) ?? Task.Delay(interval, Time, cancellationToken);

    /// <summary>The environment of the running process.</summary>
    public static GatectlEnvironment FromProcess(TextWriter error) => new()
    {
        Input = Console.In,
        Time = TimeProvider.System,
        IsTerminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected,
        DefaultOperator = Environment.GetEnvironmentVariable("GATECTL_OPERATOR") is { Length: > 0 } configured ? configured : Environment.UserName,
    };
}
