using System.Diagnostics;
using System.Globalization;
using System.Numerics;

namespace GateController.TestSupport;

/// <summary>
/// Compiles a small C program with gcc against the installed C headers (linux-libc-dev, libmosquitto-dev, turbojpeg…)
/// and runs it, so a test can compare the bindings' struct layouts, ioctl request numbers and constants with what the
/// C compiler sees. Shared by every test project that checks a binding (linked, not referenced).
/// </summary>
internal static class CHeaderProbe
{
    /// <summary>Compiles <paramref name="source"/> with gcc and <paramref name="gccArguments"/>, runs it and returns its standard output.</summary>
    /// <exception cref="InvalidOperationException">gcc or the program failed; the message holds their error output.</exception>
    public static string CompileAndRun(string source, params IEnumerable<string> gccArguments)
    {
        ArgumentNullException.ThrowIfNull(source);
        var directory = Directory.CreateTempSubdirectory("gc-header-probe-");
        try
        {
            var sourcePath = Path.Combine(directory.FullName, "probe.c");
            var programPath = Path.Combine(directory.FullName, "probe");
            File.WriteAllText(sourcePath, source);
            var (compileExit, _, compileError) = Run("gcc", [.. gccArguments, "-o", programPath, sourcePath]);
            if (compileExit != 0)
            {
                throw new InvalidOperationException($"gcc failed ({compileExit}): {compileError}");
            }

            var (exit, output, error) = Run(programPath, []);
            return exit == 0 ? output : throw new InvalidOperationException($"the probe program failed ({exit}): {error}");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Reads the <c>name{separator}value</c> lines a probe printed.</summary>
    public static Dictionary<string, T> ParseValues<T>(string output, char separator = '=')
        where T : INumberBase<T>
    {
        ArgumentNullException.ThrowIfNull(output);
        var values = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(separator, 2);
            if (parts.Length != 2)
            {
                throw new FormatException($"probe line '{line}' is not name{separator}value");
            }

            values[parts[0]] = T.Parse(parts[1].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);
        }

        return values;
    }

    private static (int ExitCode, string Output, string Error) Run(string fileName, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
