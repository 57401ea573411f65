using GateController.Core.Credentials;
using GateController.Core.Readers;

namespace GateController.Core.Tests.Readers;

public sealed class CredentialReaderBaseTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly TestReader _reader = new();

    [Fact]
    public void OnCredentialPresented_Subscriber_GetsTheCredentialFromTheReader()
    {
        var credential = CredentialPresented.ForCard("front", CardFormat.Wiegand26, [1, 2, 3], At);
        (object? Sender, CredentialPresented Credential)? seen = null;
        _reader.CredentialPresented += (sender, e) => seen = (sender, e);

        _reader.PresentCredential(credential);

        Assert.Same(_reader, seen?.Sender);
        Assert.Same(credential, seen?.Credential);
    }

    [Fact]
    public void OnKeyPressed_Subscriber_GetsTheKeyFromTheReader()
    {
        var key = new KeyPressed("front", '7', At);
        (object? Sender, KeyPressed Key)? seen = null;
        _reader.KeyPressed += (sender, e) => seen = (sender, e);

        _reader.PressKey(key);

        Assert.Same(_reader, seen?.Sender);
        Assert.Same(key, seen?.Key);
    }

    [Fact]
    public void OnFrameRejected_Subscriber_GetsTheRejectionFromTheReader()
    {
        var rejected = new FrameRejected("front", "parity", "bad", At);
        (object? Sender, FrameRejected Rejected)? seen = null;
        _reader.FrameRejected += (sender, e) => seen = (sender, e);

        _reader.RejectFrame(rejected);

        Assert.Same(_reader, seen?.Sender);
        Assert.Same(rejected, seen?.Rejected);
    }

    [Fact]
    public void OnKeyPressed_EventsKeptApart_OnlyKeySubscribersCalled()
    {
        var calls = new List<string>();
        _reader.CredentialPresented += (_, _) => calls.Add("credential");
        _reader.FrameRejected += (_, _) => calls.Add("rejected");
        _reader.KeyPressed += (_, _) => calls.Add("key");

        _reader.PressKey(new KeyPressed("front", '1', At));

        Assert.Equal(["key"], calls);
    }

    [Fact]
    public void OnCredentialPresented_NoSubscribers_NothingCounted()
    {
        _reader.PresentCredential(CredentialPresented.ForCard("front", CardFormat.Wiegand26, [1], At));

        Assert.Equal(0, _reader.HandlerFaults);
    }

    [Fact]
    public void OnKeyPressed_SubscriberThrows_ContainedAndCounted()
    {
        _reader.KeyPressed += (_, _) => throw new InvalidOperationException("a faulty subscriber");

        var thrown = Record.Exception(() => _reader.PressKey(new KeyPressed("front", '1', At)));

        Assert.Null(thrown);
        Assert.Equal(1, _reader.HandlerFaults);
    }

    [Fact]
    public void OnFrameRejected_FirstSubscriberThrows_LaterSubscribersStillCalled()
    {
        var later = 0;
        _reader.FrameRejected += (_, _) => throw new InvalidOperationException("a faulty subscriber");
        _reader.FrameRejected += (_, _) => later++;

        _reader.RejectFrame(new FrameRejected("front", "parity", "bad", At));

        Assert.Equal(1, later);
        Assert.Equal(1, _reader.HandlerFaults);
    }

    [Fact]
    public void OnCredentialPresented_EverySubscriberThrows_EachCounted()
    {
        for (var i = 0; i < 3; i++)
        {
            _reader.CredentialPresented += (_, _) => throw new IOException("a faulty subscriber");
        }

        _reader.PresentCredential(CredentialPresented.ForCard("front", CardFormat.Wiegand26, [1], At));

        Assert.Equal(3, _reader.HandlerFaults);
    }

    [Fact]
    public void OnKeyPressed_SeveralSubscribers_CalledInSubscriptionOrder()
    {
        var order = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            var index = i;
            _reader.KeyPressed += (_, _) => order.Add(index);
        }

        _reader.PressKey(new KeyPressed("front", '1', At));

        Assert.Equal([0, 1, 2, 3], order);
    }

    [Fact]
    public void OnKeyPressed_Unsubscribed_NotCalled()
    {
        var calls = 0;
        EventHandler<KeyPressed> handler = (_, _) => calls++;
        _reader.KeyPressed += handler;
        _reader.KeyPressed -= handler;

        _reader.PressKey(new KeyPressed("front", '1', At));

        Assert.Equal(0, calls);
    }

    [Fact]
    public void Notify_ReadersOwnEvent_ContainedLikeTheContractEvents()
    {
        var later = new List<int>();
        _reader.Custom += (_, _) => throw new InvalidOperationException("a faulty subscriber");
        _reader.Custom += (sender, value) =>
        {
            Assert.Same(_reader, sender);
            later.Add(value);
        };

        _reader.RaiseCustom(42);

        Assert.Equal([42], later);
        Assert.Equal(1, _reader.HandlerFaults);
    }

    [Fact]
    public void CountHandlerFault_ReaderCountsItsOwnFault_AddedToHandlerFaults()
    {
        _reader.KeyPressed += (_, _) => throw new InvalidOperationException("a faulty subscriber");

        _reader.CountOwnFault();
        _reader.PressKey(new KeyPressed("front", '1', At));

        Assert.Equal(2, _reader.HandlerFaults);
    }

    [Fact]
    public void OnKeyPressed_RaisedFromSeveralThreads_EveryFaultCounted()
    {
        const int Threads = 4;
        const int RaisesPerThread = 2_000;
        var delivered = 0;
        _reader.KeyPressed += (_, _) => throw new InvalidOperationException("a faulty subscriber");
        _reader.KeyPressed += (_, _) => Interlocked.Increment(ref delivered);
        var key = new KeyPressed("front", '1', At);
        using var start = new Barrier(Threads);

        var workers = Enumerable.Range(0, Threads).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < RaisesPerThread; i++)
            {
                _reader.PressKey(key);
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        Assert.Equal(Threads * RaisesPerThread, _reader.HandlerFaults);
        Assert.Equal(Threads * RaisesPerThread, delivered);
    }

    [Fact]
    public async Task Contract_ThroughTheInterface_SameEventsAndMembers()
    {
        ICredentialReader reader = _reader;
        var keys = 0;
        reader.KeyPressed += (_, _) => keys++;

        _reader.PressKey(new KeyPressed("front", '1', At));
        await reader.RunAsync(CancellationToken.None);

        Assert.Equal(1, keys);
        Assert.Equal("front", reader.ReaderId);
        Assert.Equal(ReaderState.Ok, reader.Health.State);
    }

    private sealed class TestReader : CredentialReaderBase
    {
        public event EventHandler<int>? Custom;

        public override string ReaderId => "front";

        public override ReaderHealth Health => new(ReaderId, ReaderState.Ok, null, 0, 0, null);

        public override Task RunAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void PresentCredential(CredentialPresented credential) => OnCredentialPresented(credential);

        public void PressKey(KeyPressed key) => OnKeyPressed(key);

        public void RejectFrame(FrameRejected rejected) => OnFrameRejected(rejected);

        public void RaiseCustom(int value) => Notify(Custom, value);

        public void CountOwnFault() => CountHandlerFault();
    }
}
