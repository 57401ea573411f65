using GateController.Core.Consents;
using GateController.Core.Credentials;
using GateController.Service.Face;

namespace GateController.Service.Tests.Face;

/// <summary>The gate loop with the real models on frames cut from the demo photos, one frame at a time.</summary>
public sealed class FaceGateReaderTests : IDisposable
{
    private readonly FaceGateHarness _harness = new();
    private readonly TestCameraSource _camera = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void ProcessFrame_ConsentingResident_RaisesFaceCredentialNamingThem()
    {
        var resident = _harness.AddEnrolled("R0001", FaceGateFrames.Resident);
        using var reader = _harness.CreateReader(_camera, FaceGateMode.Continuous);
        var frame = _harness.Frame(FaceGateFrames.Resident);
        var captured = frame.CaptureTimestamp;

        var raised = FaceGateHarness.Present(reader, frame);

        var credential = Assert.Single(raised);
        Assert.Equal(CredentialKind.Face, credential.Kind);
        Assert.Equal(resident, credential.FaceResident);
        Assert.True(credential.FaceLivenessPassed);
        Assert.Equal("gate-camera", credential.ReaderId);
        Assert.Equal(captured, credential.PresentedAt);
        var stats = reader.Stats;
        Assert.Equal(1, stats.Matched);
        Assert.Equal(1, stats.FacesSeen);
        Assert.Equal(0, stats.Unmatched);
        Assert.Equal(1, reader.Health.GoodFrames);
    }

    [Fact]
    public void ProcessFrame_ConsentingResidentMatched_TemplateUseRecordedForRetention()
    {
        var resident = _harness.AddEnrolled("R0001", FaceGateFrames.Resident);
        var enrolledAt = Assert.Single(_harness.Store.ListFaceTemplates(resident)).LastUsedAt;
        _harness.Time.Advance(TimeSpan.FromDays(200));
        using var reader = _harness.CreateReader(_camera, FaceGateMode.Continuous);

        Assert.Single(FaceGateHarness.Present(reader, _harness.Frame(FaceGateFrames.Resident)));

        var used = Assert.Single(_harness.Store.ListFaceTemplates(resident)).LastUsedAt;
        Assert.Equal(enrolledAt + TimeSpan.FromDays(200), used);
        Assert.Equal(0, _harness.Recognition.TemplateUseFaults);
    }

    [Fact]
    public void ProcessFrame_Stranger_RaisesNothingStoresNothingAndCountsOnlyUnmatched()
    {
        _harness.AddEnrolled("R0001", FaceGateFrames.Resident);
        using var reader = _harness.CreateReader(_camera, FaceGateMode.Continuous);
        var auditBefore = _harness.Store.ReadAudit(1, 100_000).Count;

        var raised = FaceGateHarness.Present(reader, _harness.Frame(FaceGateFrames.Stranger));

        Assert.Empty(raised);
        var stats = reader.Stats;
        Assert.Equal((1L, 1L, 0L, 0L, 0L, 1L), (stats.FramesProcessed, stats.FacesSeen, stats.Matched, stats.RejectedByQuality, stats.RejectedByLiveness, stats.Unmatched));
        Assert.Equal(auditBefore, _harness.Store.ReadAudit(1, 100_000).Count);
        Assert.Equal(0, _harness.Store.CountAccessEvents());
        Assert.Equal(1, _harness.Recognition.TemplateCount);
        Assert.Null(reader.Health.LastError);
    }

    [Fact]
    public void ProcessFrame_EnrolledResidentWithoutActiveConsent_NoMatch()
    {
        var resident = _harness.AddEnrolled("R0001", FaceGateFrames.Resident);
        using var reader = _harness.CreateReader(_camera, FaceGateMode.Continuous);

        // Withdrawn straight in the store, as the keypad sequence does, without telling the face component: the
        // match is checked against the store and the resident dropped from the index at once.
        _harness.Store.WithdrawConsent(resident, ConsentKind.Face, ConsentChannel.Gate, null);
        var raised = FaceGateHarness.Present(reader, _harness.Frame(FaceGateFrames.Resident));

        Assert.Empty(raised);
        Assert.Equal(1, reader.Stats.Unmatched);
        Assert.Equal(0, reader.Stats.Matched);
        Assert.Equal(0, _harness.Recognition.TemplateCount);
    }

    [Fact]
    public void ProcessFrame_ConsentWithdrawnWhileStandingAtGate_NextProbeDoesNotMatch()
    {
        var resident = _harness.AddEnrolled("R0001", FaceGateFrames.Resident);
        using var reader = _harness.CreateReader(_camera, FaceGateMode.Continuous);
        Assert.Single(FaceGateHarness.Present(reader, _harness.Frame(FaceGateFrames.Resident)));

        Assert.Equal(1, _harness.Recognition.DropResident(resident));
        _harness.Time.Advance(TimeSpan.FromSeconds(5));
        FaceGateHarness.Present(reader, _harness.Frame(FaceGateFrames.Empty));
        var raised = FaceGateHarness.Present(reader, _harness.Frame(FaceGateFrames.Resident));

        Assert.Empty(raised);
        Assert.Equal(1, reader.Stats.Matched);
        Assert.Equal(1, reader.Stats.Unmatched);
    }

    [Fact]
    public void ProcessFrame_ResidentStaysInView_NotRaisedAgainUntilTheyLeave()
    {
        _harness.AddEnrolled("R0001", FaceGateFrames.Resident);
        using var reader = _harness.CreateReader(_camera, FaceGateMode.Continuous, o => o.LeaveViewAfter = TimeSpan.FromSeconds(2));

        var first = FaceGateHarness.Present(reader, _harness.Frame(FaceGateFrames.Resident));
        var stillThere = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            _harness.Time.Advance(TimeSpan.FromSeconds(1));
            stillThere.Add(FaceGateHarness.Present(reader, _harness.Frame(FaceGateFrames.Resident)).Count);
        }

        for (var i = 0; i < 3; i++)
        {
            _harness.Time.Advance(TimeSpan.FromSeconds(1));
            Assert.Empty(FaceGateHarness.Present(reader, _harness.Frame(FaceGateFrames.Empty)));
        }

        var back = FaceGateHarness.Present(reader, _harness.Frame(FaceGateFrames.Resident));

        Assert.Single(first);
        Assert.All(stillThere, count => Assert.Equal(0, count));
        Assert.Single(back);
        Assert.Equal(7, reader.Stats.Matched);
    }

    [Fact]
    public void ProcessFrame_TwoResidentsInTurn_EachRaisedOnce()
    {
        var first = _harness.AddEnrolled("R0001", FaceGateFrames.Resident);
        var second = _harness.AddEnrolled("R0002", FaceGateFrames.Neighbour);
        using var reader = _harness.CreateReader(_camera, FaceGateMode.Continuous);

        var a = FaceGateHarness.Present(reader, _harness.Frame(FaceGateFrames.Resident));
        var b = FaceGateHarness.Present(reader, _harness.Frame(FaceGateFrames.Neighbour));

        Assert.Equal(first, Assert.Single(a).FaceResident);
        Assert.Equal(second, Assert.Single(b).FaceResident);
    }

    [Fact]
    public void ProcessFrame_TriggeredWithoutMotion_RunsNoInference()
    {
        _harness.AddEnrolled("R0001", FaceGateFrames.Resident);
        using var reader = _harness.CreateReader(_camera, FaceGateMode.Triggered);

        for (var i = 0; i < 30; i++)
        {
            _harness.Time.Advance(TimeSpan.FromMilliseconds(66));
            Assert.Empty(FaceGateHarness.Present(reader, _harness.Frame(FaceGateFrames.Empty)));
        }

        Assert.Equal(0, reader.Stats.FramesProcessed);
        Assert.Equal(30, reader.IdleFrames);
    }

    [Fact]
    public void ProcessFrame_TriggeredByMotion_RunsUntilTheWindowEnds()
    {
        var resident = _harness.AddEnrolled("R0001", FaceGateFrames.Resident);
        using var reader = _harness.CreateReader(_camera, FaceGateMode.Triggered, o => o.TriggerWindow = TimeSpan.FromSeconds(3));
        FaceGateHarness.Present(reader, _harness.Frame(FaceGateFrames.Empty));

        // Someone steps in front of the wall: the frame differs from the last, so the models run on it.
        var raised = FaceGateHarness.Present(reader, _harness.Frame(FaceGateFrames.Resident));
        Assert.Equal(resident, Assert.Single(raised).FaceResident);

        // They leave; the window runs 3 s past the last face, then the models stop.
        _harness.Time.Advance(TimeSpan.FromSeconds(1));
        FaceGateHarness.Present(reader, _harness.Frame(FaceGateFrames.Empty));
        var processedWhileOpen = reader.Stats.FramesProcessed;
        _harness.Time.Advance(TimeSpan.FromSeconds(4));
        FaceGateHarness.Present(reader, _harness.Frame(FaceGateFrames.Empty));
        FaceGateHarness.Present(reader, _harness.Frame(FaceGateFrames.Empty));

        Assert.Equal(2, processedWhileOpen);
        Assert.Equal(2, reader.Stats.FramesProcessed);
    }

    [Fact]
    public void Trigger_TriggeredMode_NextFrameRunsTheModels()
    {
        var resident = _harness.AddEnrolled("R0001", FaceGateFrames.Resident);
        using var reader = _harness.CreateReader(_camera, FaceGateMode.Triggered);
        FaceGateHarness.Present(reader, _harness.Frame(FaceGateFrames.Resident));
        Assert.Equal(0, reader.Stats.FramesProcessed);

        // The same picture again (no motion), but the proximity input fired.
        reader.Trigger();
        var raised = FaceGateHarness.Present(reader, _harness.Frame(FaceGateFrames.Resident));

        Assert.Equal(resident, Assert.Single(raised).FaceResident);
        Assert.Equal(1, reader.Stats.FramesProcessed);
    }

    [Fact]
    public void ProcessFrame_TriggeredResolutionChange_IsNotMotion()
    {
        using var reader = _harness.CreateReader(_camera, FaceGateMode.Triggered);
        FaceGateHarness.Present(reader, _harness.Frame(FaceGateFrames.Empty));

        var small = Vision.Imaging.ImageBuffer.Rent(320, 240, Vision.Imaging.ImagePixelFormat.Rgb24);
        small.Pixels.Fill(20);
        FaceGateHarness.Present(reader, new Vision.Camera.CameraFrame(small, _harness.Time.GetUtcNow(), 1));
        var smallAgain = Vision.Imaging.ImageBuffer.Rent(320, 240, Vision.Imaging.ImagePixelFormat.Rgb24);
        smallAgain.Pixels.Fill(20);
        FaceGateHarness.Present(reader, new Vision.Camera.CameraFrame(smallAgain, _harness.Time.GetUtcNow(), 2));

        Assert.Equal(0, reader.Stats.FramesProcessed);
        Assert.Equal(3, reader.IdleFrames);
    }

    [Fact]
    public void BeginVerification_CardAndFace_MatchesOnlyTheCardHolderWithinTheWindow()
    {
        var holder = _harness.AddEnrolled("R0001", FaceGateFrames.Resident);
        var other = _harness.AddEnrolled("R0002", FaceGateFrames.Neighbour);
        using var reader = _harness.CreateReader(_camera, FaceGateMode.CardAndFace, o => o.VerificationWindow = TimeSpan.FromSeconds(8));

        // No card yet: the models do not run.
        var beforeCard = FaceGateHarness.Present(reader, _harness.Frame(FaceGateFrames.Resident));

        // A card naming the other resident: the holder's face is not theirs.
        Assert.True(reader.BeginVerification(other));
        var wrongFace = FaceGateHarness.Present(reader, _harness.Frame(FaceGateFrames.Resident));

        reader.CancelVerification();
        Assert.True(reader.BeginVerification(holder));
        var rightFace = FaceGateHarness.Present(reader, _harness.Frame(FaceGateFrames.Resident));

        Assert.Empty(beforeCard);
        Assert.Empty(wrongFace);
        Assert.Equal(holder, Assert.Single(rightFace).FaceResident);
        Assert.Equal(2, reader.Stats.FramesProcessed);
        Assert.Equal(1, reader.Stats.Unmatched);
    }

    [Fact]
    public void BeginVerification_WindowExpired_ModelsStop()
    {
        var holder = _harness.AddEnrolled("R0001", FaceGateFrames.Resident);
        using var reader = _harness.CreateReader(_camera, FaceGateMode.CardAndFace, o => o.VerificationWindow = TimeSpan.FromSeconds(8));

        Assert.True(reader.BeginVerification(holder));
        _harness.Time.Advance(TimeSpan.FromSeconds(9));
        var raised = FaceGateHarness.Present(reader, _harness.Frame(FaceGateFrames.Resident));

        Assert.Empty(raised);
        Assert.Equal(0, reader.Stats.FramesProcessed);
    }

    [Fact]
    public void BeginVerification_ResidentWithoutTemplate_False()
    {
        var resident = _harness.AddResident("R0003", consent: true);
        using var reader = _harness.CreateReader(_camera, FaceGateMode.CardAndFace);

        Assert.False(reader.BeginVerification(resident));
        Assert.Empty(FaceGateHarness.Present(reader, _harness.Frame(FaceGateFrames.Resident)));
        Assert.Equal(0, reader.Stats.FramesProcessed);
    }

    [Fact]
    public void Probe_Frames_NoImageEmbeddingOrIdentityOfStrangerInResult()
    {
        _harness.AddEnrolled("R0001", FaceGateFrames.Resident);
        using var frame = _harness.Frame(FaceGateFrames.Stranger);

        var result = _harness.Recognition.Probe(frame.Image);

        Assert.Equal(new FaceProbeResult(FaceProbeOutcome.Unmatched, null), result);
        Assert.False(frame.Image.IsDisposed);
    }

    [Fact]
    public void ProcessFrame_HandlerThrows_CountedAndStatsKept()
    {
        _harness.AddEnrolled("R0001", FaceGateFrames.Resident);
        using var reader = _harness.CreateReader(_camera, FaceGateMode.Continuous);
        reader.CredentialPresented += (_, _) => throw new InvalidOperationException("handler");

        using (var frame = _harness.Frame(FaceGateFrames.Resident))
        {
            reader.ProcessFrame(frame);
        }

        Assert.Equal(1, reader.HandlerFaults);
        Assert.Equal(1, reader.Stats.Matched);
    }

    [Fact]
    public void Constructor_SameReaderIdTwice_Refused()
    {
        using var reader = _harness.CreateReader(_camera, FaceGateMode.Continuous);

        var error = Assert.Throws<ArgumentException>(() => _harness.CreateReader(new TestCameraSource(), FaceGateMode.Continuous));

        Assert.Contains("gate-camera", error.Message, StringComparison.Ordinal);
    }
}
