using System.Diagnostics;

namespace GateController.Hardware.Tests.Evdev;

/// <summary>A named pipe (mkfifo) in a temporary directory, standing in for /dev/input/by-id/…-event-kbd.</summary>
internal sealed class FifoFile : IDisposable
{
    private readonly DirectoryInfo _directory;

    public FifoFile()
    {
        _directory = Directory.CreateTempSubdirectory("evdev-fifo");
        Path = System.IO.Path.Combine(_directory.FullName, "usb-Reader-event-kbd");
        using var process = Process.Start(new ProcessStartInfo("mkfifo", $"-m 600 \"{Path}\"") { UseShellExecute = false })!;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("mkfifo failed");
        }
    }

    public string Path { get; }

    /// <summary>Opens the write end; blocks until the reader has the read end open, so bounded by a timeout.</summary>
    public FileStream OpenWriter()
    {
        var open = Task.Run(() => new FileStream(Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0));
        if (!open.Wait(TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException("no reader opened the FIFO");
        }

        return open.Result;
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
