namespace GateController.Telemetry.Commands;

/// <summary>What a command handler reports back.</summary>
/// <param name="Succeeded">Whether it worked.</param>
/// <param name="Text">The result, or the reason it did not work.</param>
public sealed record CommandOutcome(bool Succeeded, string Text)
{
    /// <summary>A success with its result.</summary>
    public static CommandOutcome Success(string result) => new(true, result);

    /// <summary>A failure with its reason.</summary>
    public static CommandOutcome Failure(string reason) => new(false, reason);
}
