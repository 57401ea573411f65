using GateController.Core.Credentials;
using GateController.Core.Readers;
using GateController.Hardware.Readers.Mfrc522;
using GateController.Simulation.Mfrc522;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Hardware.Tests.Mfrc522;

public sealed class Mfrc522ReaderTests
{
    private readonly Mfrc522Emulator _chip = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero));
    private readonly List<CredentialPresented> _presented = [];
    private readonly List<FrameRejected> _rejected = [];
    private readonly Mfrc522Reader _reader;

    public Mfrc522ReaderTests()
    {
        _reader = new Mfrc522Reader("front", new Mfrc522SpiTransport(_chip), _time);
        _reader.CredentialPresented += (_, e) => _presented.Add(e);
        _reader.FrameRejected += (_, e) => _rejected.Add(e);
    }

    [Fact]
    public void Poll_CardHeldForManyPolls_PresentedOnce()
    {
        _chip.AddCard(new SimulatedIso14443aCard([0xDE, 0xAD, 0xBE, 0xEF]));

        Poll(10);

        var credential = Assert.Single(_presented);
        Assert.Equal("DEADBEEF", credential.CardUidHex());
        Assert.Equal(CardFormat.Mifare, credential.CardFormat);
        Assert.Equal(ReaderState.Ok, _reader.Health.State);
        Assert.Equal(1, _reader.Health.GoodFrames);
    }

    [Fact]
    public void Poll_CardRemovedAndBack_PresentedTwice()
    {
        var card = new SimulatedIso14443aCard([4, 1, 2, 3, 4, 5, 6]);
        _chip.AddCard(card);
        Poll(3);
        _chip.RemoveCard(card);
        Poll(2);
        _chip.AddCard(card);
        Poll(3);

        Assert.Equal(2, _presented.Count);
        Assert.All(_presented, p => Assert.Equal("04010203040506", p.CardUidHex()));
    }

    [Fact]
    public void Poll_CardAwayForOnePollOnly_NotPresentedAgain()
    {
        var card = new SimulatedIso14443aCard([1, 2, 3, 4]);
        _chip.AddCard(card);
        Poll(2);
        _chip.RemoveCard(card);
        Poll(1);
        _chip.AddCard(card);
        Poll(2);

        Assert.Single(_presented);
    }

    [Fact]
    public void Poll_TwoCardsInField_EachPresentedOnce()
    {
        _chip.AddCard(new SimulatedIso14443aCard([0x10, 0x20, 0x30, 0x40]));
        _chip.AddCard(new SimulatedIso14443aCard([0x10, 0x21, 0x30, 0x40, 0x50, 0x60, 0x70, 0x80, 0x90, 0xA0]));

        Poll(5);

        Assert.Equal(["10203040", "102130405060708090A0"], _presented.Select(p => p.CardUidHex()).Order());
    }

    [Fact]
    public void Poll_SakCrcError_RejectedWithReasonThenReadOnRetry()
    {
        _chip.AddCard(new SimulatedIso14443aCard([1, 2, 3, 4]) { CorruptNextSakCrcCount = 1 });

        Poll(1);

        Assert.Empty(_presented);
        Assert.Equal("crc", Assert.Single(_rejected).Reason);
        Assert.Equal("crc", _reader.Health.LastError);
        Assert.Equal(1, _reader.Health.BadFrames);

        Poll(1);

        Assert.Equal("01020304", Assert.Single(_presented).CardUidHex());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Poll_CardRemovedMidAnticollision_RejectedNeverAWrongUid(int framesBeforeRemoval)
    {
        _chip.AddCard(new SimulatedIso14443aCard([0x04, 0xA1, 0xB2, 0xC3, 0xD4, 0xE5, 0xF6]));
        _chip.RemoveCardsAfterFrames(framesBeforeRemoval);

        Poll(3);

        Assert.Empty(_presented);
        Assert.Equal("card-removed-mid-anticollision", Assert.Single(_rejected).Reason);
        Assert.Equal(ReaderState.Ok, _reader.Health.State);
    }

    [Theory]
    [InlineData(SimulatedSpiLineFault.AllOnes, "0xFF")]
    [InlineData(SimulatedSpiLineFault.AllZeros, "0x00")]
    public void Poll_NoModuleOnBus_FaultedModuleAbsentThenRecovers(SimulatedSpiLineFault fault, string reads)
    {
        _chip.LineFault = fault;
        _chip.AddCard(new SimulatedIso14443aCard([1, 2, 3, 4]));

        Assert.False(_reader.PollOnceGuarded());

        var health = _reader.Health;
        Assert.Equal(ReaderState.Faulted, health.State);
        Assert.StartsWith("module-absent", health.LastError, StringComparison.Ordinal);
        Assert.Contains(reads, health.LastError, StringComparison.Ordinal);
        Assert.Empty(_presented);

        _chip.LineFault = SimulatedSpiLineFault.None;

        Assert.True(_reader.PollOnceGuarded());
        Assert.Equal(ReaderState.Ok, _reader.Health.State);
        Assert.Single(_presented);
    }

    [Fact]
    public void Poll_ChipStuckInPowerDown_FaultedChipTimeout()
    {
        _chip.StuckInPowerDown = true;

        Assert.False(_reader.PollOnceGuarded());

        Assert.StartsWith("chip-timeout", _reader.Health.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public void Health_AfterCards_NeverContainsUid()
    {
        _chip.AddCard(new SimulatedIso14443aCard([0xCA, 0xFE, 0xBA, 0xBE]) { CorruptNextSakCrcCount = 1 });

        Poll(3);

        Assert.DoesNotContain("CAFEBABE", _reader.Health.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.All(_rejected, r => Assert.DoesNotContain("CAFEBABE", r.Detail, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task RunAsync_FakeTimeAdvanced_PollsEveryInterval()
    {
        using var stop = new CancellationTokenSource();
        var run = _reader.RunAsync(stop.Token);
        WaitForPolls(1);
        _chip.AddCard(new SimulatedIso14443aCard([9, 8, 7, 6]));

        _time.Advance(TimeSpan.FromMilliseconds(99));
        Assert.Equal(1, _reader.CompletedPolls);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        WaitForPolls(2);

        Assert.Equal("09080706", Assert.Single(_presented).CardUidHex());
        await stop.CancelAsync();
        await run;
        Assert.Equal(ReaderState.Stopped, _reader.Health.State);
    }

    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblem()
    {
        var options = new Mfrc522ReaderOptions { PollIntervalMilliseconds = 0, RemovalMissedPolls = 0, MaximumCardsPerPoll = 0, RetryInitialDelayMilliseconds = 0, RetryMaximumDelayMilliseconds = -1 };

        Assert.Equal(5, options.Validate().Count);
        Assert.Throws<ArgumentException>(() => new Mfrc522Reader("front", new Mfrc522SpiTransport(_chip), _time, options));
    }

    private void Poll(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _reader.PollOnceGuarded();
        }
    }

    private void WaitForPolls(long count) =>
        Assert.True(SpinWait.SpinUntil(() => _reader.CompletedPolls >= count, TimeSpan.FromSeconds(10)), "the reader loop did not poll");
}
