namespace GateController.Service.Hosting;

/// <summary>Where gatecontrollerd writes its start, stop and problem lines (stdout and stderr, read by journald).</summary>
/// <param name="Output">Start, readiness and stop lines.</param>
/// <param name="Error">One line per problem.</param>
public sealed record ServiceConsole(TextWriter Output, TextWriter Error)
{
    /// <summary>Writes a line to standard output.</summary>
    public void Say(string line)
    {
        lock (Output)
        {
            Output.WriteLine($"gatecontrollerd: {line}");
        }
    }

    /// <summary>Writes a problem line to standard error.</summary>
    public void Warn(string line)
    {
        lock (Error)
        {
            Error.WriteLine($"gatecontrollerd: {line}");
        }
    }
}
