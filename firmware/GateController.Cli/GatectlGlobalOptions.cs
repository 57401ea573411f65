using System.CommandLine;

namespace GateController.Cli;

/// <summary>The options every gatectl command takes: --socket, --json, --operator.</summary>
internal sealed class GatectlGlobalOptions
{
    public Option<string> Socket { get; } = new("--socket")
    {
        Description = "the admin API socket of gatecontrollerd",
        Recursive = true,
        DefaultValueFactory = _ => GatectlCommandLine.DefaultSocketPath,
    };

    public Option<bool> Json { get; } = new("--json") { Description = "print one JSON document", Recursive = true };

    public Option<string?> Operator { get; } = new("--operator")
    {
        Description = "the operator doing this (default: GATECTL_OPERATOR or the login name)",
        Recursive = true,
    };
}
