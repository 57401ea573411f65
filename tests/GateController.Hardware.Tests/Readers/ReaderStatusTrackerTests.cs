using GateController.Core.Readers;
using GateController.Hardware.Readers;

namespace GateController.Hardware.Tests.Readers;

public sealed class ReaderStatusTrackerTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Rejected_ManyInRecentFrames_FloodingUntilGoodFramesDilute()
    {
        var tracker = new ReaderStatusTracker("r");
        tracker.Working();
        for (var i = 0; i < ReaderStatusTracker.FloodRejections - 1; i++)
        {
            tracker.Rejected("noise");
        }

        Assert.Equal(ReaderState.Ok, tracker.Snapshot().State);

        tracker.Rejected("noise");

        Assert.Equal(ReaderState.Flooding, tracker.Snapshot().State);

        for (var i = 0; i < ReaderStatusTracker.FloodWindow; i++)
        {
            tracker.Good(At);
        }

        Assert.Equal(ReaderState.Ok, tracker.Snapshot().State);
        Assert.Equal(ReaderStatusTracker.FloodRejections, tracker.Snapshot().BadFrames);
    }

    [Fact]
    public void Rejected_WhileFaulted_StaysFaulted()
    {
        var tracker = new ReaderStatusTracker("r");
        tracker.Fault("device-gone");

        tracker.Rejected("crc");

        Assert.Equal(ReaderState.Faulted, tracker.Snapshot().State);
        Assert.Equal("crc", tracker.Snapshot().LastError);
    }

    [Fact]
    public void Constructor_InitialStateStopped_StoppedUntilStartingThenOkOnGoodFrame()
    {
        var tracker = new ReaderStatusTracker("r", ReaderState.Stopped);
        Assert.Equal(ReaderState.Stopped, tracker.State);

        tracker.Starting();
        Assert.Equal(ReaderState.Starting, tracker.Snapshot().State);

        tracker.Good(At);
        Assert.Equal(new ReaderHealth("r", ReaderState.Ok, At, 1, 0, null), tracker.Snapshot());
    }

    [Fact]
    public void Constructor_NoInitialState_Starting() => Assert.Equal(ReaderState.Starting, new ReaderStatusTracker("r").State);

    [Fact]
    public void ForLineReader_NotStarted_Stopped() => Assert.Equal(ReaderState.Stopped, ReaderStatusTracker.ForLineReader("w").State);

    [Fact]
    public void ForLineReader_RejectedFrames_CountedButStateStaysStarting()
    {
        var tracker = ReaderStatusTracker.ForLineReader("w");
        tracker.Starting();

        for (var i = 0; i < ReaderStatusTracker.FloodWindow; i++)
        {
            tracker.Rejected("parity");
        }

        Assert.Equal(new ReaderHealth("w", ReaderState.Starting, null, 0, ReaderStatusTracker.FloodWindow, "parity"), tracker.Snapshot());
    }

    [Fact]
    public void ForLineReader_GoodFrameWhileFaulted_CountedStaysFaulted()
    {
        var tracker = ReaderStatusTracker.ForLineReader("w");
        tracker.Fault("D0 held low");

        tracker.Good(At);

        Assert.Equal(new ReaderHealth("w", ReaderState.Faulted, At, 1, 0, "D0 held low"), tracker.Snapshot());
        tracker.Working();
        Assert.Equal(ReaderState.Ok, tracker.Snapshot().State);
    }

    [Fact]
    public void ForLineReader_GoodFrame_EndsStarting()
    {
        var tracker = ReaderStatusTracker.ForLineReader("w");
        tracker.Starting();

        tracker.Good(At);

        Assert.Equal(new ReaderHealth("w", ReaderState.Ok, At, 1, 0, null), tracker.Snapshot());
    }

    [Theory]
    [InlineData(ReaderState.Ok, true, ReaderState.Flooding)]
    [InlineData(ReaderState.Starting, true, ReaderState.Flooding)]
    [InlineData(ReaderState.Faulted, true, ReaderState.Faulted)]
    [InlineData(ReaderState.Stopped, true, ReaderState.Stopped)]
    [InlineData(ReaderState.Ok, false, ReaderState.Ok)]
    public void Snapshot_ReaderSaysFlooding_OnlyAWorkingReaderFloods(ReaderState state, bool flooding, ReaderState expected)
    {
        var tracker = new ReaderStatusTracker("r", state);

        Assert.Equal(expected, tracker.Snapshot(flooding).State);
        Assert.Equal(state, tracker.State);
    }
}
