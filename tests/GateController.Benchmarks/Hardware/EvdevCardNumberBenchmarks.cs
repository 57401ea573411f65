using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using GateController.Hardware.Readers.Hid;
using GateController.Simulation.Input;

namespace GateController.Benchmarks.Hardware;

/// <summary>
/// A 10-digit card number typed by a USB keyboard-wedge reader into a real FIFO, to CredentialPresented raised by
/// <see cref="KeyboardWedgeReader"/> (poll wake-up, read, decode, event). Target: ≤ 5 ms after the Enter key.
/// The whole recording (the Enter key last) is written at once, so the figure bounds the time after Enter.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15, invocationCount: 32)]
public class EvdevCardNumberBenchmarks
{
    private readonly SemaphoreSlim _presented = new(0);
    private readonly CancellationTokenSource _stop = new();
    private string _directory = null!;
    private FileStream _writer = null!;
    private byte[] _recording = [];
    private KeyboardWedgeDecoder _decoder = null!;
    private KeyboardWedgeRecording _events = null!;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Directory.CreateTempSubdirectory("evdev-bench").FullName;
        var path = Path.Combine(_directory, "usb-Reader-event-kbd");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", $"\"{path}\"") { UseShellExecute = false })!)
        {
            mkfifo.WaitForExit();
        }

        var reader = new KeyboardWedgeReader("bench", path, TimeProvider.System, new KeyboardWedgeOptions { AllowUngrabbableReplaySource = true });
        reader.CredentialPresented += (_, _) => _presented.Release();
        _ = reader.RunAsync(_stop.Token);
        _writer = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
        _events = new KeyboardWedgeRecording().Type("0012345678", keyIntervalMicroseconds: 1_000);
        _recording = _events.ToBytes();
        _decoder = new KeyboardWedgeDecoder(new KeyboardWedgeOptions());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _writer.Dispose();
        _stop.Cancel();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Write the recorded stream to the FIFO and wait for CredentialPresented.</summary>
    [Benchmark]
    public bool TenDigitsThroughFifoToCredentialPresented()
    {
        _writer.Write(_recording);
        return _presented.Wait(TimeSpan.FromSeconds(5)) ? true : throw new InvalidOperationException("no credential");
    }

    /// <summary>The decoder alone over the same 10-digit stream (CPU only).</summary>
    [Benchmark]
    public int DecodeTenDigits()
    {
        var cards = 0;
        foreach (var e in _events.Events)
        {
            if (_decoder.Feed(e) == KeyboardWedgeOutcome.Card)
            {
                cards++;
            }
        }

        return cards;
    }
}
