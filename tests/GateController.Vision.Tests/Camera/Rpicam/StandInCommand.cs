using System.Globalization;
using System.Text;

namespace GateController.Vision.Tests.Camera.Rpicam;

/// <summary>
/// A shell script standing in for rpicam-vid: records its arguments, writes synthetic I420 frames (Y, U and V planes
/// filled with given values), optionally a cut-off frame, then exits with a code.
/// </summary>
internal sealed class StandInCommand : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("rpicam");

    public StandInCommand(int width, int height, int frames, int partialBytes, int exitCode, byte luma = 80, byte u = 90, byte v = 200)
    {
        var lumaBytes = width * height;
        var chromaBytes = (width / 2) * (height / 2);
        var script = new StringBuilder();
        script.AppendLine("#!/bin/sh");
        script.AppendLine("printf '%s\\n' \"$*\" >> \"$(dirname \"$0\")/arguments\"");
        script.AppendLine(CultureInfo.InvariantCulture, $"i=0; while [ $i -lt {frames} ]; do");
        script.AppendLine(CultureInfo.InvariantCulture, $"  head -c {lumaBytes} /dev/zero | tr '\\000' '\\{Octal(luma)}'");
        script.AppendLine(CultureInfo.InvariantCulture, $"  head -c {chromaBytes} /dev/zero | tr '\\000' '\\{Octal(u)}'");
        script.AppendLine(CultureInfo.InvariantCulture, $"  head -c {chromaBytes} /dev/zero | tr '\\000' '\\{Octal(v)}'");
        script.AppendLine("  i=$((i+1)); done");
        script.AppendLine(CultureInfo.InvariantCulture, $"head -c {partialBytes} /dev/zero");
        script.AppendLine("echo 'ERROR: stand-in camera stopped' >&2");
        script.AppendLine(CultureInfo.InvariantCulture, $"exit {exitCode}");
        Path = System.IO.Path.Combine(_directory.FullName, "rpicam-vid");
        File.WriteAllText(Path, script.ToString());
        Assert.False(OperatingSystem.IsWindows(), "the stand-in is a shell script");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string Path { get; }

    public string[] RecordedArguments()
    {
        var file = System.IO.Path.Combine(_directory.FullName, "arguments");
        return File.Exists(file) ? File.ReadAllLines(file) : [];
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private static string Octal(byte value) => Convert.ToString(value, 8).PadLeft(3, '0');
}
