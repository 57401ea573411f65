using System.Diagnostics;

namespace GateController.Telemetry.Tests.Support;

/// <summary>Compiles a small C program with gcc and returns what it prints.</summary>
public static class NativeProbe
{
    public static string CompileAndRun(string source, string extraArguments = "")
    {
        var directory = Path.Combine(Path.GetTempPath(), "gc-probe-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var sourcePath = Path.Combine(directory, "probe.c");
            var binaryPath = Path.Combine(directory, "probe");
            File.WriteAllText(sourcePath, source);
            var (compileCode, compileOutput) = Run("gcc", $"-o {binaryPath} {sourcePath} {extraArguments}");
            if (compileCode != 0)
            {
                throw new InvalidOperationException("gcc failed: " + compileOutput);
            }

            var (code, output) = Run(binaryPath, string.Empty);
            return code == 0 ? output : throw new InvalidOperationException("probe failed: " + output);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

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
