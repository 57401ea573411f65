namespace GateController.Service.Tests.Packaging;

/// <summary>What a finished child process left: its exit status and its output.</summary>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Throws with the command's output unless it exited 0.</summary>
    public ProcessResult EnsureSuccess(string what)
    {
        if (ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{what} exited with {ExitCode}{Environment.NewLine}{StandardOutput}{Environment.NewLine}{StandardError}");
        }

        return this;
    }
}
