using GateController.Core.Credentials;
using GateController.Core.Readers;
using GateController.Hardware.Gpio;
using GateController.Hardware.Readers.Wiegand;

namespace GateController.Hardware.Tests.Wiegand;

/// <summary>A data line held low while the reader runs (reader without power, shorted cable) is a fault in health, not frames.</summary>
public sealed class WiegandHeldLineTests
{
    [Theory]
    [InlineData(WiegandRig.Data0, "data line D0 (GPIO5) held low")]
    [InlineData(WiegandRig.Data1, "data line D1 (GPIO6) held low")]
    public async Task LineHeldLowMidRun_LongerThanGap_FaultedNamingLineAndNoFrame(int pin, string reason)
    {
        await using var rig = new WiegandRig().Start();
        ReadCard(rig, 1);

        rig.Driver.SetInput(pin, PinValue.Low);
        rig.Time.Advance(rig.Gap - TimeSpan.FromMilliseconds(1));
        Assert.Equal(ReaderState.Ok, rig.Reader.Health.State);
        rig.Time.Advance(TimeSpan.FromMilliseconds(1));

        var health = rig.Reader.Health;
        Assert.Equal(ReaderState.Faulted, health.State);
        Assert.Contains(reason, health.LastError, StringComparison.Ordinal);
        rig.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(ReaderState.Faulted, rig.Reader.Health.State);
        Assert.IsType<CredentialPresented>(Assert.Single(rig.Events));
        Assert.Equal(0, rig.Reader.Health.BadFrames);
    }

    [Fact]
    public async Task HeldLineReleased_OkOnTheRisingEdge_NextCardReads()
    {
        await using var rig = new WiegandRig().Start();
        rig.Driver.SetInput(WiegandRig.Data1, PinValue.Low);
        rig.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(ReaderState.Faulted, rig.Reader.Health.State);

        rig.Driver.SetInput(WiegandRig.Data1, PinValue.High);

        Assert.Equal(ReaderState.Ok, rig.Reader.Health.State);
        ReadCard(rig, 2);
        Assert.IsType<CredentialPresented>(Assert.Single(rig.Events));
        Assert.Equal(ReaderState.Ok, rig.Reader.Health.State);
        Assert.Equal(0, rig.Reader.Health.BadFrames);
    }

    [Fact]
    public async Task BothLinesHeld_ReasonNamesBoth_OkOnlyWhenBothReleased()
    {
        await using var rig = new WiegandRig().Start();

        rig.Driver.SetInput(WiegandRig.Data0, PinValue.Low);
        rig.Driver.SetInput(WiegandRig.Data1, PinValue.Low);
        rig.Time.Advance(rig.Gap);
        Assert.Contains("data lines D0 (GPIO5) and D1 (GPIO6) held low", rig.Reader.Health.LastError, StringComparison.Ordinal);

        rig.Driver.SetInput(WiegandRig.Data0, PinValue.High);
        Assert.Equal(ReaderState.Faulted, rig.Reader.Health.State);
        Assert.Contains("data line D1 (GPIO6) held low", rig.Reader.Health.LastError, StringComparison.Ordinal);

        rig.Driver.SetInput(WiegandRig.Data1, PinValue.High);
        Assert.Equal(ReaderState.Ok, rig.Reader.Health.State);
        Assert.Empty(rig.Events);
    }

    [Fact]
    public async Task LineHeldLowMidFrame_HeldEdgeLeftOutOfTheFrame()
    {
        await using var rig = new WiegandRig().Start();
        var frame = WiegandEncoding.H10301(12, 345);
        var lastBitIsOne = (frame & 1) == 1;

        // A whole frame, then one more pulse that never ends: its line stays low before the frame could close.
        rig.Transmitter.SendNow(frame, 26);
        rig.Time.Advance(TimeSpan.FromMilliseconds(2));
        rig.Driver.SetInput(lastBitIsOne ? WiegandRig.Data1 : WiegandRig.Data0, PinValue.Low);
        rig.Time.Advance(rig.Gap);

        Assert.Equal(ReaderState.Faulted, rig.Reader.Health.State);
        Assert.IsType<CredentialPresented>(Assert.Single(rig.Events));
    }

    [Fact]
    public async Task LineHeldLowWhileOtherLinePulses_HeldEdgeTakenFromTheMiddleOfTheFrame()
    {
        var options = new WiegandReaderOptions
        {
            Data0Pin = WiegandRig.Data0,
            Data1Pin = WiegandRig.Data1,
            Decoder = new WiegandDecoderOptions { RawFrameBitCounts = [12] },
        };
        await using var rig = new WiegandRig(options).Start();
        var timestamp = rig.Driver.EventClockNow - TimeSpan.FromMilliseconds(50);
        void Pulse(int pin)
        {
            rig.Driver.InjectEdge(pin, PinEventTypes.Falling, timestamp);
            rig.Driver.InjectEdge(pin, PinEventTypes.Rising, timestamp + TimeSpan.FromMicroseconds(50));
            timestamp += TimeSpan.FromMilliseconds(1);
        }

        // 1010 1100, then D1 falls and stays low while D0 carries on with 0000.
        foreach (var bit in new[] { 1, 0, 1, 0, 1, 1, 0, 0 })
        {
            Pulse(bit == 1 ? WiegandRig.Data1 : WiegandRig.Data0);
        }

        rig.Driver.InjectEdge(WiegandRig.Data1, PinEventTypes.Falling, timestamp);
        timestamp += TimeSpan.FromMilliseconds(1);
        for (var i = 0; i < 4; i++)
        {
            Pulse(WiegandRig.Data0);
        }

        rig.Time.Advance(rig.Gap);

        var credential = Assert.IsType<CredentialPresented>(Assert.Single(rig.Events));
        Assert.Equal(CardFormat.RawWiegand, credential.CardFormat);
        Assert.Equal("0AC0", credential.CardUidHex());
        Assert.Contains("data line D1 (GPIO6) held low", rig.Reader.Health.LastError, StringComparison.Ordinal);
        Assert.Equal(ReaderState.Faulted, rig.Reader.Health.State);
    }

    [Fact]
    public async Task HeldEdgeFirstOfAFullFrame_TakenOut_RestRejectedAsItsLength()
    {
        await using var rig = new WiegandRig().Start();
        var start = rig.Driver.EventClockNow - TimeSpan.FromMilliseconds(50);

        rig.Driver.InjectEdge(WiegandRig.Data1, PinEventTypes.Falling, start);
        for (var i = 1; i < WiegandFrame.MaximumBitCount; i++)
        {
            var at = start + TimeSpan.FromMicroseconds(300 * i);
            rig.Driver.InjectEdge(WiegandRig.Data0, PinEventTypes.Falling, at);
            rig.Driver.InjectEdge(WiegandRig.Data0, PinEventTypes.Rising, at + TimeSpan.FromMicroseconds(50));
        }

        rig.Time.Advance(rig.Gap);

        var rejected = Assert.IsType<FrameRejected>(Assert.Single(rig.Events));
        Assert.Contains($"{WiegandFrame.MaximumBitCount - 1}-bit", rejected.Detail, StringComparison.Ordinal);
        Assert.Equal(ReaderState.Faulted, rig.Reader.Health.State);
    }

    [Theory]
    [InlineData(20, 1000)]
    [InlineData(100, 2000)]
    [InlineData(100, 20_000)]
    public async Task NormalFrames_PulsesAndIntervalsOfRealReaders_NeverHeldLow(int pulseMicroseconds, int bitIntervalMicroseconds)
    {
        await using var rig = new WiegandRig().Start();
        var pulseWidth = TimeSpan.FromMicroseconds(pulseMicroseconds);
        var bitInterval = TimeSpan.FromMicroseconds(bitIntervalMicroseconds);

        for (var card = 1; card <= 5; card++)
        {
            // Step the clock a bit at a time, as the real pulses would arrive, checking health at every step.
            var bits = WiegandEncoding.H10301(card, card * 1000);
            for (var i = 25; i >= 0; i--)
            {
                var pin = ((bits >> i) & 1) == 1 ? WiegandRig.Data1 : WiegandRig.Data0;
                rig.Driver.SetInput(pin, PinValue.Low);
                rig.Time.Advance(pulseWidth);
                rig.Driver.SetInput(pin, PinValue.High);
                Assert.NotEqual(ReaderState.Faulted, rig.Reader.Health.State);
                rig.Time.Advance(bitInterval - pulseWidth);
            }

            rig.Time.Advance(rig.Gap);
            Assert.Equal(ReaderState.Ok, rig.Reader.Health.State);
        }

        Assert.Equal(5, rig.Events.OfType<CredentialPresented>().Count());
        Assert.Equal(0, rig.Reader.Health.BadFrames);
    }

    [Fact]
    public async Task PulseJustShorterThanGap_NotHeld_PulseOfTheGap_Held()
    {
        await using var rig = new WiegandRig().Start();

        rig.Driver.SetInput(WiegandRig.Data0, PinValue.Low);
        rig.Time.Advance(rig.Gap - TimeSpan.FromMicroseconds(100));
        rig.Driver.SetInput(WiegandRig.Data0, PinValue.High);
        rig.Time.Advance(rig.Gap * 4);
        Assert.Equal(ReaderState.Starting, rig.Reader.Health.State);
        Assert.Equal("length", Assert.IsType<FrameRejected>(Assert.Single(rig.Events)).Reason);

        rig.Driver.SetInput(WiegandRig.Data0, PinValue.Low);
        rig.Time.Advance(rig.Gap);
        Assert.Equal(ReaderState.Faulted, rig.Reader.Health.State);
        Assert.Single(rig.Events);
    }

    [Fact]
    public async Task LineHeld_ReaderStopped_StaysStopped()
    {
        await using var rig = new WiegandRig().Start();
        rig.Driver.SetInput(WiegandRig.Data1, PinValue.Low);
        rig.Time.Advance(TimeSpan.FromMilliseconds(5));

        await rig.StopAsync();
        rig.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(ReaderState.Stopped, rig.Reader.Health.State);
    }

    private static void ReadCard(WiegandRig rig, int card)
    {
        rig.Transmitter.SendNow(WiegandEncoding.H10301(card, card), 26);
        rig.Time.Advance(rig.Gap);
    }
}
