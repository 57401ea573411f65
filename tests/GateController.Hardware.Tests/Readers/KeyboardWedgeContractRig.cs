using System.Globalization;
using GateController.Core.Readers;
using GateController.Hardware.Readers.Hid;
using GateController.Hardware.Tests.Evdev;
using GateController.Simulation.Input;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Hardware.Tests.Readers;

/// <summary>The keyboard-wedge reader on a real FIFO fed with recorded input_event streams.</summary>
internal sealed class KeyboardWedgeContractRig : IReaderContractRig
{
    private readonly FifoFile _fifo = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
    private readonly KeyboardWedgeReader _reader;
    private readonly CancellationTokenSource _stop = new();
    private FileStream? _writer;
    private Task? _run;
    private long _keysSent;

    public KeyboardWedgeContractRig()
    {
        var options = new KeyboardWedgeOptions { AllowUngrabbableReplaySource = true, ReconnectInitialDelayMilliseconds = 1_000 };
        _reader = new KeyboardWedgeReader("gate-usb", _fifo.Path, _time, options);
    }

    public ICredentialReader Reader => _reader;

    public void Start()
    {
        _run = _reader.RunAsync(_stop.Token);
        _writer = _fifo.OpenWriter();
    }

    public void PresentCard(int card) => Send(new KeyboardWedgeRecording().Type(Number(card)));

    public void HoldCard()
    {
        // A keyboard-wedge reader types a card once; holding it sends nothing more.
    }

    public void RemoveCard()
    {
    }

    public void SendGarbage() =>
        Send(new KeyboardWedgeRecording().Noise(5).Type("1234567", keyIntervalMicroseconds: 250_000).Type("hi 42"));

    public void DisconnectDevice()
    {
        var armed = _reader.ReconnectDelaysArmed;
        _writer?.Dispose();
        _writer = null;
        Eventually.True(() => _reader.ReconnectDelaysArmed > armed, "the reader to notice");
    }

    public void ReconnectDevice()
    {
        var connections = _reader.Connections;
        _time.Advance(TimeSpan.FromSeconds(1));
        Eventually.True(() => _reader.Connections > connections, "the reconnect");
        _writer = _fifo.OpenWriter();
    }

    public string ExpectedUidHex(int card) => Convert.ToHexString(BitConverter.GetBytes((ulong)long.Parse(Number(card), CultureInfo.InvariantCulture)).Reverse().Skip(3).ToArray());

    public void Dispose()
    {
        _writer?.Dispose();
        _stop.Cancel();
        _run?.Wait(TimeSpan.FromSeconds(10));
        _stop.Dispose();
        _fifo.Dispose();
    }

    /// <summary>10-digit, zero-padded numbers as EM4100 readers type them.</summary>
    private static string Number(int card) => (card * 7_654_321L).ToString("D10", CultureInfo.InvariantCulture);

    private void Send(KeyboardWedgeRecording recording)
    {
        var keys = recording.Events.Count(e => e.Type == Input.InputEventCodes.EventKey);
        _writer!.Write(recording.ToBytes());
        _keysSent += keys;
        Eventually.True(() => _reader.KeyEventsRead >= _keysSent, "the keys to be read");
    }
}
