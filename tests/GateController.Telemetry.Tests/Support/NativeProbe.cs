using System.Diagnostics;

namespace GateController.Telemetry.Tests.Support;

/// <summary>Runs a command-line tool (mosquitto_passwd, openssl) and returns its exit code and output.</summary>
public static class NativeProbe
{
    public static (int ExitCode, string Output) Run(string fileName, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
