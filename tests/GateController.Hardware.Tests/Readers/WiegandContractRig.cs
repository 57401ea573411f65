using GateController.Core.Readers;
using GateController.Hardware.Gpio;
using GateController.Hardware.Readers.Wiegand;
using GateController.Hardware.Tests.Wiegand;
using GateController.Simulation.Gpio;
using GateController.Simulation.Wiegand;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Hardware.Tests.Readers;

/// <summary>
/// The Wiegand reader on a simulated GPIO chip, its frames sent by a simulated reader's output stage, with fake time.
/// Wiegand has no field and no presence signal, so the contract's steps map onto the wire like this:
/// <list type="bullet">
/// <item>presenting a card is one tap: one frame (26-, 34- or 37-bit by card), then the inter-frame gap;</item>
/// <item>holding it sends nothing more (the reader sends a frame per tap) and only lets time pass;</item>
/// <item>removing it is the silence after the frame, so "removed and presented again" is a second tap and a second frame;</item>
/// <item>garbage is a frame with a flipped bit, a truncated frame and a keypad burst whose check nibble is wrong;</item>
/// <item>"device gone" is a data line held low — a reader that lost its power and clamps D1, or a shorted cable.</item>
/// </list>
/// An unplugged reader cannot be told from an idle one (the pull-ups keep both lines high), so the line held low
/// is the only loss the Pi can see. The running reader notices a line low for longer than the inter-frame gap
/// (no data pulse lasts that long) and reports it; plugging back releases the line and the reader is Ok again.
/// </summary>
internal sealed class WiegandContractRig : IReaderContractRig
{
    private const int Data0 = 5;
    private const int Data1 = 6;
    private static readonly TimeSpan Gap = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(200);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
    private readonly SimulatedGpioDriver _driver;
    private readonly GpioController _controller;
    private readonly WiegandReader _reader;
    private readonly SimulatedWiegandTransmitter _transmitter;
    private readonly CancellationTokenSource _stop = new();
    private Task? _run;

    public WiegandContractRig()
    {
        _driver = new SimulatedGpioDriver(28, _time);
        _controller = new GpioController(_driver);
        _time.Advance(TimeSpan.FromSeconds(10));
        var options = new WiegandReaderOptions { Data0Pin = Data0, Data1Pin = Data1, InterFrameGapMilliseconds = (int)Gap.TotalMilliseconds };
        _reader = new WiegandReader("gate-wiegand", _controller, options, _time);
        _transmitter = new SimulatedWiegandTransmitter(_driver, Data0, Data1);
    }

    public ICredentialReader Reader => _reader;

    public void Start()
    {
        _run = _reader.RunAsync(_stop.Token);
        Assert.True(_driver.IsHeld(Data0) && _driver.IsHeld(Data1), "the reader holds both data lines once started");
    }

    public void PresentCard(int card)
    {
        var (bits, bitCount, _, _) = Frame(card);
        Send(bits, bitCount);
    }

    public void HoldCard() => _time.Advance(TimeSpan.FromSeconds(1));

    public void RemoveCard() => _time.Advance(Quiet);

    public void SendGarbage()
    {
        var (bits, bitCount, _, _) = Frame(15);
        Send(bits ^ (1UL << 7), bitCount);
        Send(bits >> 4, bitCount - 4);
        Send(0xD3, 8);
    }

    public void DisconnectDevice()
    {
        var badFrames = _reader.Health.BadFrames;
        _driver.SetInput(Data1, PinValue.Low);
        _time.Advance(Quiet);
        Assert.Equal(badFrames, _reader.Health.BadFrames);
        Assert.Contains("data line D1 (GPIO6) held low", _reader.Health.LastError, StringComparison.Ordinal);
    }

    public void ReconnectDevice()
    {
        _driver.SetInput(Data1, PinValue.High);
        _time.Advance(Quiet);
    }

    public string ExpectedUidHex(int card)
    {
        var (_, _, data, dataBits) = Frame(card);
        var bytes = (dataBits + 7) / 8;
        return data.ToString("X" + (bytes * 2), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _run?.Wait(TimeSpan.FromSeconds(10));
        _stop.Dispose();
        _reader.Dispose();
        _controller.Dispose();
    }

    /// <summary>
    /// Every fifth card is a 37-bit H10304, the other odd ones 26-bit H10301, the other even ones 34-bit; each UID
    /// has letters in it so that it cannot hide among the digits of a date.
    /// </summary>
    private static (ulong Bits, int BitCount, ulong Data, int DataBits) Frame(int card) => (card % 5, card % 2) switch
    {
        (0, _) => (WiegandEncoding.H10304(0xD00D + card, 0x5A000 + card), 37, ((ulong)(0xD00D + card) << 19) | (uint)(0x5A000 + card), 35),
        (_, 1) => (WiegandEncoding.H10301(0xA0 + card, 0xC000 + (card * 0x111)), 26, ((ulong)(0xA0 + card) << 16) | (uint)(0xC000 + (card * 0x111)), 24),
        _ => (WiegandEncoding.Wiegand34(0xBE00 + card, 0xF000 + (card * 0x37)), 34, ((ulong)(0xBE00 + card) << 16) | (uint)(0xF000 + (card * 0x37)), 32),
    };

    /// <summary>Lets the frame's own transmission time pass, sends it ending now, and waits out the gap that closes it.</summary>
    private void Send(ulong bits, int bitCount)
    {
        _time.Advance(_transmitter.Duration(bitCount) + Gap);
        _transmitter.SendNow(bits, bitCount);
        _time.Advance(Gap);
    }
}
