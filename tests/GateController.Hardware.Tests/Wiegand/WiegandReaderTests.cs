using GateController.Core.Credentials;
using GateController.Core.Readers;
using GateController.Hardware.Gpio;
using GateController.Hardware.Readers.Wiegand;
using GateController.Simulation.Gpio;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Hardware.Tests.Wiegand;

public sealed class WiegandReaderTests
{
    [Fact]
    public async Task Card26_FrameThenGap_CredentialWithUidAtLastEdgeTime()
    {
        await using var rig = new WiegandRig().Start();
        var sentAt = rig.Time.GetUtcNow();

        rig.Transmitter.SendNow(WiegandEncoding.H10301(123, 4567), 26);
        rig.Time.Advance(rig.Gap - TimeSpan.FromMilliseconds(1));
        Assert.Empty(rig.Events);
        rig.Time.Advance(TimeSpan.FromMilliseconds(1));

        var credential = Assert.IsType<CredentialPresented>(Assert.Single(rig.Events));
        Assert.Equal(CredentialKind.Card, credential.Kind);
        Assert.Equal(CardFormat.Wiegand26, credential.CardFormat);
        Assert.Equal("7B11D7", credential.CardUidHex());
        Assert.Equal("gate-wiegand", credential.ReaderId);
        Assert.Equal(sentAt, credential.PresentedAt);
        Assert.Equal(ReaderState.Ok, rig.Reader.Health.State);
        Assert.Equal(1, rig.Reader.Health.GoodFrames);
    }

    [Fact]
    public async Task TwoFrames_DrainedTogether_SplitOnEdgeTimestampGap()
    {
        await using var rig = new WiegandRig().Start();
        var now = rig.Driver.EventClockNow;
        var wallNow = rig.Time.GetUtcNow();

        rig.Transmitter.Send(WiegandEncoding.H10301(1, 1), 26, now - TimeSpan.FromMilliseconds(100));
        rig.Transmitter.Send(WiegandEncoding.Wiegand34(2, 2), 34, now);
        rig.Time.Advance(rig.Gap);

        var credentials = rig.Events.Cast<CredentialPresented>().ToList();
        Assert.Equal([CardFormat.Wiegand26, CardFormat.Wiegand34], credentials.Select(c => c.CardFormat));
        Assert.Equal([wallNow - TimeSpan.FromMilliseconds(100), wallNow], credentials.Select(c => c.PresentedAt));
    }

    [Fact]
    public async Task FramesCloserThanGap_MergeIntoOneRejectedFrame()
    {
        await using var rig = new WiegandRig().Start();
        var now = rig.Driver.EventClockNow;

        rig.Transmitter.Send(WiegandEncoding.H10301(1, 1), 26, now - TimeSpan.FromMilliseconds(60));
        rig.Transmitter.Send(WiegandEncoding.H10301(1, 1), 26, now);
        rig.Time.Advance(rig.Gap);

        var rejected = Assert.IsType<FrameRejected>(Assert.Single(rig.Events));
        Assert.Equal("length", rejected.Reason);
        Assert.Contains("52-bit", rejected.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0x0UL, 26, "parity")]
    [InlineData(0x3FFFFFFFUL, 30, "length")]
    [InlineData(0xE2UL, 8, "complement")]
    public async Task BadFrame_Rejected_ReasonCountedNeverACard(ulong bits, int bitCount, string reason)
    {
        await using var rig = new WiegandRig().Start();

        rig.Transmitter.SendNow(bits, bitCount);
        rig.Time.Advance(rig.Gap);

        var rejected = Assert.IsType<FrameRejected>(Assert.Single(rig.Events));
        Assert.Equal(reason, rejected.Reason);
        Assert.Equal(1, rig.Reader.Health.BadFrames);
        Assert.Equal(0, rig.Reader.Health.GoodFrames);
        Assert.Equal(reason, rig.Reader.Health.LastError);
        Assert.Equal(1, rig.Reader.RejectionCount(Enum.Parse<WiegandRejection>(reason, ignoreCase: true)));
    }

    [Fact]
    public async Task KeypadBurstsMixedWithCard_EventsInOrder()
    {
        await using var rig = new WiegandRig().Start();

        foreach (var (bits, count) in new[] { (0x1UL, 4), (0xD2UL, 8), (WiegandEncoding.H10301(7, 7), 26), (0xBUL, 4), (0x5AUL, 8) })
        {
            rig.Transmitter.SendNow(bits, count);
            rig.Time.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(
            ["key 1", "key 2", "card Wiegand26", "key #", "key *"],
            rig.Events.Select(e => e switch
            {
                KeyPressed k => $"key {k.Key}",
                CredentialPresented c => $"card {c.CardFormat}",
                _ => "other",
            }));
    }

    [Fact]
    public async Task RawLengthConfigured_RawWiegandCard()
    {
        var options = new WiegandReaderOptions
        {
            Data0Pin = WiegandRig.Data0,
            Data1Pin = WiegandRig.Data1,
            Decoder = new WiegandDecoderOptions { RawFrameBitCounts = [32] },
        };
        await using var rig = new WiegandRig(options).Start();

        rig.Transmitter.SendNow(0xCAFEF00DUL, 32);
        rig.Time.Advance(rig.Gap);

        var credential = Assert.IsType<CredentialPresented>(Assert.Single(rig.Events));
        Assert.Equal(CardFormat.RawWiegand, credential.CardFormat);
        Assert.Equal("CAFEF00D", credential.CardUidHex());
    }

    [Fact]
    public async Task GarbageFlood_EveryFrameRejected_HealthFloodingThenRecovers()
    {
        await using var rig = new WiegandRig().Start();
        var random = new Random(4);
        var interval = TimeSpan.FromMicroseconds(100);

        for (var chunk = 0; chunk < 30; chunk++)
        {
            var start = rig.Driver.EventClockNow;
            for (var i = 0; i < 500; i++)
            {
                // Pulses: each falling edge is followed by its rising one, so no line is left held low.
                var pin = random.Next(2) == 0 ? WiegandRig.Data0 : WiegandRig.Data1;
                rig.Driver.InjectEdge(pin, PinEventTypes.Falling, start + (interval * i));
                rig.Driver.InjectEdge(pin, PinEventTypes.Rising, start + (interval * i) + (interval / 2));
            }

            rig.Time.Advance(TimeSpan.FromMilliseconds(50));
        }

        rig.Time.Advance(rig.Gap);
        Assert.Equal(ReaderState.Flooding, rig.Reader.Health.State);
        Assert.DoesNotContain(rig.Events, e => e is CredentialPresented);
        Assert.All(rig.Events, e => Assert.Equal("length", Assert.IsType<FrameRejected>(e).Reason));
        Assert.Equal((15_000 / WiegandFrame.MaximumBitCount) + 1, rig.Reader.Health.BadFrames);
        Assert.Equal(0, rig.Reader.EdgesDropped);

        rig.Time.Advance(TimeSpan.FromSeconds(3));
        rig.Events.Clear();
        rig.Transmitter.SendNow(WiegandEncoding.H10301(9, 9), 26);
        rig.Time.Advance(rig.Gap);

        Assert.IsType<CredentialPresented>(Assert.Single(rig.Events));
        Assert.Equal(ReaderState.Ok, rig.Reader.Health.State);
    }

    [Fact]
    public async Task RingQuarterFull_DrainsBeforeTheGap_NoEdgeLost()
    {
        var options = new WiegandReaderOptions { Data0Pin = WiegandRig.Data0, Data1Pin = WiegandRig.Data1, EdgeBufferCapacity = 64 };
        await using var rig = new WiegandRig(options).Start();
        var start = rig.Driver.EventClockNow;

        for (var i = 0; i < 100; i++)
        {
            rig.Driver.InjectEdge(WiegandRig.Data0, PinEventTypes.Falling, start + TimeSpan.FromMicroseconds(100 * i));
        }

        rig.Time.Advance(rig.Gap + TimeSpan.FromMilliseconds(10));

        Assert.Equal(0, rig.Reader.EdgesDropped);
        Assert.Equal(["length", "length"], rig.Events.Select(e => Assert.IsType<FrameRejected>(e).Reason));
    }

    [Fact]
    public async Task RingOverrun_DrainCannotRun_EdgesDroppedAndFrameRejectedAsOverrun()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
        var timers = new ManualTimerTimeProvider(clock);
        var driver = new SimulatedGpioDriver(28, clock);
        using var controller = new GpioController(driver);
        using var reader = new WiegandReader("w", controller, new WiegandReaderOptions { Data0Pin = 5, Data1Pin = 6, EdgeBufferCapacity = 64 }, timers);
        var rejected = new List<FrameRejected>();
        reader.FrameRejected += (_, e) => rejected.Add(e);
        using var stop = new CancellationTokenSource();
        var run = reader.RunAsync(stop.Token);
        clock.Advance(TimeSpan.FromSeconds(1));

        for (var i = 0; i < 100; i++)
        {
            driver.InjectEdge(5, PinEventTypes.Falling, driver.EventClockNow - TimeSpan.FromMilliseconds(100) + TimeSpan.FromMicroseconds(100 * i));
        }

        timers.FireAll();

        Assert.Equal(36, reader.EdgesDropped);
        Assert.Equal("overrun", Assert.Single(rejected).Reason);
        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task HandlerThrows_FaultCounted_NextFrameStillDelivered()
    {
        await using var rig = new WiegandRig().Start();
        var throwOnce = true;
        rig.Reader.CredentialPresented += (_, _) =>
        {
            if (throwOnce)
            {
                throwOnce = false;
                throw new InvalidOperationException("handler fault");
            }
        };

        rig.Transmitter.SendNow(WiegandEncoding.H10301(1, 1), 26);
        rig.Time.Advance(rig.Gap);
        rig.Transmitter.SendNow(WiegandEncoding.H10301(1, 2), 26);
        rig.Time.Advance(rig.Gap);

        Assert.Equal(2, rig.Events.Count);
        Assert.Equal(1, rig.Reader.HandlerFaults);
    }

    [Fact]
    public async Task DataLineLowAtStart_HealthFaultedNamingLine()
    {
        await using var rig = new WiegandRig(prepare: d => d.SetInput(WiegandRig.Data1, PinValue.Low)).Start();

        var health = rig.Reader.Health;

        Assert.Equal(ReaderState.Faulted, health.State);
        Assert.Contains("data line D1 (GPIO6) held low", health.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataLineLowAtStart_GoodFrameLater_HealthOk()
    {
        await using var rig = new WiegandRig(prepare: d => d.SetInput(WiegandRig.Data1, PinValue.Low)).Start();
        rig.Driver.SetInput(WiegandRig.Data1, PinValue.High);

        rig.Transmitter.SendNow(WiegandEncoding.H10301(3, 3), 26);
        rig.Time.Advance(rig.Gap);

        Assert.Equal(ReaderState.Ok, rig.Reader.Health.State);
    }

    [Fact]
    public async Task LineTakenByAnotherProcess_FaultedWithLineInErrorAndRetries()
    {
        await using var rig = new WiegandRig(prepare: d => d.TakeLine(WiegandRig.Data0, "other-daemon")).Start();

        Assert.Equal(ReaderState.Faulted, rig.Reader.Health.State);
        Assert.Contains("line 5 (GPIO5)", rig.Reader.Health.LastError, StringComparison.Ordinal);
        Assert.False(rig.Controller.IsPinOpen(WiegandRig.Data1));
    }

    [Fact]
    public async Task Stop_Cancelled_StoppedAndLinesReleased()
    {
        var rig = new WiegandRig().Start();
        await using (rig)
        {
            Assert.True(rig.Driver.IsHeld(WiegandRig.Data0));

            await rig.StopAsync();

            Assert.Equal(ReaderState.Stopped, rig.Reader.Health.State);
            Assert.False(rig.Driver.IsHeld(WiegandRig.Data0));
            Assert.False(rig.Driver.IsHeld(WiegandRig.Data1));
        }
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsListingEveryProblem()
    {
        var options = new WiegandReaderOptions { Data0Pin = 4, Data1Pin = 4, InterFrameGapMilliseconds = 1 };
        using var controller = new GpioController(new GateController.Simulation.Gpio.SimulatedGpioDriver(28, TimeProvider.System));

        var error = Assert.Throws<ArgumentException>(() => new WiegandReader("w", controller, options, TimeProvider.System));

        Assert.Contains("Data1Pin", error.Message, StringComparison.Ordinal);
        Assert.Contains("InterFrameGapMilliseconds", error.Message, StringComparison.Ordinal);
    }
}
