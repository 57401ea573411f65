using GateController.Core.Readers;
using GateController.Service.DoorPath;

namespace GateController.Service.Tests.DoorPath;

public sealed class LateCredentialReaderTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly LateCredentialReader _late = new("front-camera");
    private readonly ScriptedReader _joined = new("face-1");
    private readonly List<(object? Sender, object Argument)> _seen = [];

    public LateCredentialReaderTests()
    {
        _late.CredentialPresented += (sender, e) => _seen.Add((sender, e));
        _late.KeyPressed += (sender, e) => _seen.Add((sender, e));
        _late.FrameRejected += (sender, e) => _seen.Add((sender, e));
    }

    public void Dispose() => _late.Dispose();

    [Fact]
    public void Health_NothingAttached_StoppedUnderItsOwnName()
    {
        Assert.Equal("front-camera", _late.ReaderId);
        Assert.Null(_late.Attached);
        Assert.Equal(new ReaderHealth("front-camera", ReaderState.Stopped, null, 0, 0, null), _late.Health);
    }

    [Fact]
    public void Attach_Reader_TakesItsNameAndHealth()
    {
        _late.Attach(_joined);

        Assert.Same(_joined, _late.Attached);
        Assert.Equal("face-1", _late.ReaderId);
        Assert.Same(_joined.Health, _late.Health);
    }

    [Fact]
    public void Attach_ReaderRaises_ForwardedWithTheLateReaderAsSender()
    {
        _late.Attach(_joined);

        _joined.Card([1, 2, 3], At);
        _joined.Key('5', At);
        _joined.Reject(At);

        Assert.Equal(3, _seen.Count);
        Assert.All(_seen, seen => Assert.Same(_late, seen.Sender));
        Assert.Equal("010203", Assert.IsType<CredentialPresented>(_seen[0].Argument).CardUidHex());
        Assert.Equal('5', Assert.IsType<KeyPressed>(_seen[1].Argument).Key);
        Assert.Equal("parity", Assert.IsType<FrameRejected>(_seen[2].Argument).Reason);
    }

    [Fact]
    public void Attach_Twice_Throws()
    {
        _late.Attach(_joined);

        Assert.Throws<InvalidOperationException>(() => _late.Attach(new ScriptedReader("face-2")));
    }

    [Fact]
    public void Dispose_AfterAttach_StopsForwarding()
    {
        _late.Attach(_joined);

        _late.Dispose();
        _joined.Card([1, 2, 3], At);

        Assert.Empty(_seen);
        Assert.Null(_late.Attached);
    }

    [Fact]
    public void Attach_SubscriberThrows_ContainedAndCountedHereLaterSubscriberStillCalled()
    {
        var later = 0;
        using var late = new LateCredentialReader("front-camera");
        late.CredentialPresented += (_, _) => throw new InvalidOperationException("a faulty subscriber");
        late.CredentialPresented += (_, _) => later++;
        late.Attach(_joined);

        var thrown = Record.Exception(() => _joined.Card([1, 2, 3], At));

        Assert.Null(thrown);
        Assert.Equal(1, later);
        Assert.Equal(1, late.HandlerFaults);
    }

    [Fact]
    public async Task RunAsync_Cancelled_ReturnsWithoutThrowing()
    {
        using var stop = new CancellationTokenSource();
        var running = _late.RunAsync(stop.Token);
        Assert.False(running.IsCompleted);

        await stop.CancelAsync();
        await running;

        Assert.True(running.IsCompletedSuccessfully);
    }
}
