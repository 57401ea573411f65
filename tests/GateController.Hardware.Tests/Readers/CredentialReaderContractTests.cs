using System.Collections.Concurrent;
using GateController.Core.Credentials;
using GateController.Core.Readers;

namespace GateController.Hardware.Tests.Readers;

/// <summary>
/// What every <see cref="ICredentialReader"/> must do. Add an implementation by deriving a class that returns its
/// <see cref="IReaderContractRig"/> from <see cref="CreateRig"/>.
/// </summary>
public abstract class CredentialReaderContractTests : IDisposable
{
    private readonly ConcurrentQueue<CredentialPresented> _presented = new();
    private readonly ConcurrentQueue<FrameRejected> _rejected = new();
    private readonly IReaderContractRig _rig;

    protected CredentialReaderContractTests()
    {
        _rig = CreateRig();
        _rig.Reader.CredentialPresented += (_, e) => _presented.Enqueue(e);
        _rig.Reader.FrameRejected += (_, e) => _rejected.Enqueue(e);
        _rig.Start();
    }

    [Fact]
    public void Card_PresentedAndHeld_ReportedOnceWithItsUid()
    {
        _rig.PresentCard(1);
        _rig.HoldCard();
        _rig.HoldCard();

        var credential = Assert.Single(_presented);
        Assert.Equal(_rig.ExpectedUidHex(1), credential.CardUidHex());
        Assert.Equal(CredentialKind.Card, credential.Kind);
        Assert.Equal(_rig.Reader.ReaderId, credential.ReaderId);
        Assert.Equal(ReaderState.Ok, _rig.Reader.Health.State);
    }

    [Fact]
    public void Card_RemovedAndPresentedAgain_ReportedTwice()
    {
        _rig.PresentCard(2);
        _rig.RemoveCard();
        _rig.PresentCard(2);
        _rig.HoldCard();

        Assert.Equal([_rig.ExpectedUidHex(2), _rig.ExpectedUidHex(2)], _presented.Select(p => p.CardUidHex()));
    }

    [Fact]
    public void Cards_Burst_EachReportedInOrder()
    {
        var cards = Enumerable.Range(3, 6).ToArray();
        foreach (var card in cards)
        {
            _rig.PresentCard(card);
            _rig.RemoveCard();
        }

        Assert.Equal(cards.Select(_rig.ExpectedUidHex), _presented.Select(p => p.CardUidHex()));
        Assert.Equal(cards.Length, _rig.Reader.Health.GoodFrames);
    }

    [Fact]
    public void Garbage_NeverACredential_RejectedAndReaderKeepsWorking()
    {
        _rig.SendGarbage();

        Assert.Empty(_presented);
        Assert.NotEmpty(_rejected);
        Assert.True(_rig.Reader.Health.BadFrames >= 1);
        Assert.False(string.IsNullOrEmpty(_rig.Reader.Health.LastError));

        _rig.PresentCard(10);

        Assert.Equal(_rig.ExpectedUidHex(10), Assert.Single(_presented).CardUidHex());
    }

    [Fact]
    public void Device_GoneAndBack_FaultedWithReasonThenReadsAgain()
    {
        _rig.PresentCard(11);
        _rig.RemoveCard();
        _rig.DisconnectDevice();

        var faulted = _rig.Reader.Health;
        Assert.Equal(ReaderState.Faulted, faulted.State);
        Assert.False(string.IsNullOrEmpty(faulted.LastError));

        _rig.ReconnectDevice();
        _rig.PresentCard(12);

        Assert.Equal([_rig.ExpectedUidHex(11), _rig.ExpectedUidHex(12)], _presented.Select(p => p.CardUidHex()));
        Assert.Equal(ReaderState.Ok, _rig.Reader.Health.State);
    }

    [Fact]
    public void Handler_Throws_ReaderKeepsReporting()
    {
        _rig.Reader.CredentialPresented += (_, _) => throw new InvalidOperationException("a faulty subscriber");

        _rig.PresentCard(13);
        _rig.RemoveCard();
        _rig.PresentCard(14);

        Assert.Equal([_rig.ExpectedUidHex(13), _rig.ExpectedUidHex(14)], _presented.Select(p => p.CardUidHex()));
    }

    [Fact]
    public void Handler_ThrowsBeforeAnotherSubscriber_OtherStillCalledAndFaultCounted()
    {
        var later = new ConcurrentQueue<string>();
        _rig.Reader.CredentialPresented += (_, _) => throw new InvalidOperationException("a faulty subscriber");
        _rig.Reader.CredentialPresented += (_, e) => later.Enqueue(e.CardUidHex());

        _rig.PresentCard(17);

        Assert.Equal([_rig.ExpectedUidHex(17)], later);
        Assert.Equal(1, Assert.IsAssignableFrom<CredentialReaderBase>(_rig.Reader).HandlerFaults);
    }

    [Fact]
    public void Health_GoodAndBadFrames_CountedWithLastFrameTimeAndReason()
    {
        var before = _rig.Reader.Health;
        Assert.Equal((0, 0, null), (before.GoodFrames, before.BadFrames, before.LastFrameAt));

        _rig.PresentCard(16);
        _rig.RemoveCard();
        var good = _rig.Reader.Health;
        _rig.SendGarbage();
        var bad = _rig.Reader.Health;

        Assert.Equal(_rig.Reader.ReaderId, good.ReaderId);
        Assert.Equal((1, 0, ReaderState.Ok), (good.GoodFrames, good.BadFrames, good.State));
        Assert.Equal(Assert.Single(_presented).PresentedAt, good.LastFrameAt);
        Assert.Equal(1, bad.GoodFrames);
        Assert.Equal(_rejected.Count, bad.BadFrames);
        Assert.Equal(good.LastFrameAt, bad.LastFrameAt);
        Assert.Equal(_rejected.Last().Reason, bad.LastError);
        Assert.NotEqual(ReaderState.Faulted, bad.State);
    }

    [Fact]
    public void HealthAndRejections_NeverCarryTheUid()
    {
        _rig.PresentCard(15);
        _rig.SendGarbage();
        var uid = _rig.ExpectedUidHex(15);

        Assert.DoesNotContain(uid, _rig.Reader.Health.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.All(_rejected, r => Assert.DoesNotContain(uid, r.ToString(), StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(uid, Assert.Single(_presented).ToString(), StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose()
    {
        _rig.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>The rig for the implementation under test.</summary>
    protected abstract IReaderContractRig CreateRig();
}
