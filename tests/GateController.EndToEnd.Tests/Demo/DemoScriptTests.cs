using System.Diagnostics;
using System.Text;

namespace GateController.EndToEnd.Tests.Demo;

/// <summary>firmware/scripts/demo, the README's first command, as a newcomer runs it.</summary>
public sealed class DemoScriptTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Demo_FullScenario_ExitsZeroWithEveryExpectationHeld()
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryLayout.Root,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryLayout.Root, "firmware", "scripts", "demo"));
        var output = new StringBuilder();
        using var demo = Process.Start(start)!;
        demo.OutputDataReceived += (_, e) => Append(output, e.Data);
        demo.ErrorDataReceived += (_, e) => Append(output, e.Data);
        demo.BeginOutputReadLine();
        demo.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await demo.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            // SIGTERM lets the script's trap stop the service and the broker and remove its temporary files.
            using (var kill = Process.Start("kill", ["-TERM", demo.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            await demo.WaitForExitAsync();
            Assert.Fail($"the demo took longer than {Limit.TotalMinutes} minutes:\n{Text(output)}");
        }

        await demo.WaitForExitAsync();
        var text = Text(output);
        Assert.True(demo.ExitCode == 0, $"the demo exited with {demo.ExitCode}:\n{text}");
        Assert.Contains("demo: every expectation held", text, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", text, StringComparison.Ordinal);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
