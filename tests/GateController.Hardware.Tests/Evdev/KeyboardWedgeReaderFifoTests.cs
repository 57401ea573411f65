using System.Collections.Concurrent;
using GateController.Core.Credentials;
using GateController.Core.Readers;
using GateController.Hardware.Readers.Hid;
using GateController.Simulation.Input;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Hardware.Tests.Evdev;

public sealed class KeyboardWedgeReaderFifoTests : IDisposable
{
    private readonly FifoFile _fifo = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
    private readonly ConcurrentQueue<CredentialPresented> _presented = new();
    private readonly ConcurrentQueue<FrameRejected> _rejected = new();
    private readonly CancellationTokenSource _stop = new();

    [Fact]
    public void RunAsync_ReaderSendingLeadingZeros_PresentsEm4100Card()
    {
        var reader = Start(new KeyboardWedgeOptions { AllowUngrabbableReplaySource = true });
        using var writer = _fifo.OpenWriter();

        writer.Write(new KeyboardWedgeRecording().Type("0012345678").ToBytes());

        Eventually.True(() => !_presented.IsEmpty, "a credential");
        var credential = Assert.Single(_presented);
        Assert.Equal("0000BC614E", credential.CardUidHex());
        Assert.Equal(CardFormat.Em4100, credential.CardFormat);
        Assert.Equal("usb", credential.ReaderId);
        Assert.Equal(ReaderState.Ok, reader.Health.State);
    }

    [Fact]
    public void RunAsync_HexReaderWithRecordsSplitAcrossWrites_PresentsCard()
    {
        Start(new KeyboardWedgeOptions { AllowUngrabbableReplaySource = true, NumberFormat = KeyboardWedgeNumberFormat.HexadecimalDigits });
        using var writer = _fifo.OpenWriter();
        var bytes = new KeyboardWedgeRecording().Type("04A1B2C3D4").ToBytes();

        writer.Write(bytes, 0, 37);
        writer.Write(bytes, 37, bytes.Length - 37);

        Eventually.True(() => !_presented.IsEmpty, "a credential");
        Assert.Equal("04A1B2C3D4", Assert.Single(_presented).CardUidHex());
    }

    [Fact]
    public void RunAsync_SomeoneTypingOnAKeyboard_RejectedNoCredential()
    {
        var reader = Start(new KeyboardWedgeOptions { AllowUngrabbableReplaySource = true });
        using var writer = _fifo.OpenWriter();

        writer.Write(new KeyboardWedgeRecording().Type("12345678", keyIntervalMicroseconds: 210_000).Type("hi", keyIntervalMicroseconds: 150_000).Type("0000000007").ToBytes());

        Eventually.True(() => !_presented.IsEmpty, "the card after the typing");
        Assert.Equal(["typed-by-hand", "invalid-key"], _rejected.Select(r => r.Reason));
        Assert.Equal("0000000007", Assert.Single(_presented).CardUidHex());
        Assert.Equal(2, reader.Health.BadFrames);
    }

    [Fact]
    public void RunAsync_DigitsWithoutEnter_DroppedAfterPartialTimeout()
    {
        var reader = Start(new KeyboardWedgeOptions { AllowUngrabbableReplaySource = true, PartialTimeoutMilliseconds = 500 });
        using var writer = _fifo.OpenWriter();

        writer.Write(new KeyboardWedgeRecording().Type("00123", enter: false).ToBytes());
        Eventually.True(() => reader.KeyEventsRead >= 10, "the keys to be read");
        _time.Advance(TimeSpan.FromMilliseconds(501));

        Eventually.True(() => !_rejected.IsEmpty, "a rejection");
        Assert.Equal("partial-timeout", Assert.Single(_rejected).Reason);
        writer.Write(new KeyboardWedgeRecording().Type("45678").ToBytes());
        Eventually.True(() => reader.KeyEventsRead >= 22, "the rest to be read");
        Assert.Empty(_presented);
    }

    [Fact]
    public void RunAsync_DeviceGoneAndBack_FaultedThenReconnectsAndReads()
    {
        var reader = Start(new KeyboardWedgeOptions { AllowUngrabbableReplaySource = true, ReconnectInitialDelayMilliseconds = 1_000 });
        using (var writer = _fifo.OpenWriter())
        {
            writer.Write(new KeyboardWedgeRecording().Type("1111111111").ToBytes());
            Eventually.True(() => _presented.Count == 1, "the first card");
        }

        Eventually.True(() => reader.ReconnectDelaysArmed == 1, "the reconnect delay");
        Assert.Equal(ReaderState.Faulted, reader.Health.State);
        Assert.StartsWith("device-gone", reader.Health.LastError, StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromMilliseconds(1_000));
        Eventually.True(() => reader.Connections == 2, "the reconnect");
        using (var writer = _fifo.OpenWriter())
        {
            writer.Write(new KeyboardWedgeRecording().Type("2222222222").ToBytes());
            Eventually.True(() => _presented.Count == 2, "the second card");
        }

        Assert.Equal(["00423A35C7", "0084746B8E"], _presented.Select(p => p.CardUidHex()));
    }

    [Fact]
    public void RunAsync_FifoWithoutReplayAllowed_FaultedGrabFailedEnotty()
    {
        var reader = Start(new KeyboardWedgeOptions());

        Eventually.True(() => reader.ReconnectDelaysArmed >= 1, "the first attempt");

        Assert.Equal(ReaderState.Faulted, reader.Health.State);
        Assert.StartsWith("grab-failed", reader.Health.LastError, StringComparison.Ordinal);
        Assert.Contains("ENOTTY", reader.Health.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public void RunAsync_MissingDevice_FaultedDeviceMissingWithBackOff()
    {
        var reader = new KeyboardWedgeReader("usb", _fifo.Path + ".absent", _time, new KeyboardWedgeOptions { ReconnectInitialDelayMilliseconds = 100 });
        _ = reader.RunAsync(_stop.Token);

        Eventually.True(() => reader.ReconnectDelaysArmed >= 1, "the first attempt");
        _time.Advance(TimeSpan.FromMilliseconds(100));
        Eventually.True(() => reader.ReconnectDelaysArmed >= 2, "the second attempt");
        _time.Advance(TimeSpan.FromMilliseconds(150));
        Assert.Equal(2, reader.ReconnectDelaysArmed);
        _time.Advance(TimeSpan.FromMilliseconds(50));
        Eventually.True(() => reader.ReconnectDelaysArmed >= 3, "the third attempt after a doubled delay");

        Assert.StartsWith("device-missing", reader.Health.LastError, StringComparison.Ordinal);
        Assert.Contains("ENOENT", reader.Health.LastError, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        _fifo.Dispose();
    }

    private KeyboardWedgeReader Start(KeyboardWedgeOptions options)
    {
        var reader = new KeyboardWedgeReader("usb", _fifo.Path, _time, options);
        reader.CredentialPresented += (_, e) => _presented.Enqueue(e);
        reader.FrameRejected += (_, e) => _rejected.Enqueue(e);
        _ = reader.RunAsync(_stop.Token);
        return reader;
    }
}
