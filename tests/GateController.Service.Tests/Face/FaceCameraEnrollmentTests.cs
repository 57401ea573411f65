using GateController.Core.Residents;
using GateController.Service.Face;

namespace GateController.Service.Tests.Face;

/// <summary>Live enrolment from the gate camera, frames fed one by one through the reader.</summary>
public sealed class FaceCameraEnrollmentTests : IDisposable
{
    private readonly FaceGateHarness _harness = new();
    private readonly TestCameraSource _camera = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task EnrollFromCamera_GoodFramesWithRefusals_TemplateStoredReasonsReportedThenMatches()
    {
        var resident = _harness.AddResident("R0001", consent: true);
        using var reader = _harness.CreateReader(_camera, FaceGateMode.Continuous);

        var enrolling = _harness.Recognition.EnrollFromCameraAsync(resident, 3, FaceGateHarness.Operator, null, CancellationToken.None);
        var duringEnrolment = new List<int>
        {
            FaceGateHarness.Present(reader, _harness.Frame(FaceGateFrames.Empty)).Count,
            FaceGateHarness.Present(reader, _harness.Frame(FaceGateFrames.Resident)).Count,
            FaceGateHarness.Present(reader, _harness.Frame(FaceGateFrames.Stranger)).Count,
            FaceGateHarness.Present(reader, _harness.Frame(FaceGateFrames.Resident)).Count,
            FaceGateHarness.Present(reader, _harness.Frame(FaceGateFrames.Resident)).Count,
        };
        var report = await enrolling.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(report.Enrolled, report.Problem);
        Assert.Equal(3, report.FramesAccepted);
        Assert.Equal(
            [(1, false, "no face found"), (2, true, null), (3, false, "a different face from the first good frame"), (4, true, null), (5, true, null)],
            report.Frames.Select(f => (f.Number, f.Accepted, f.Reason)));
        Assert.All(duringEnrolment, count => Assert.Equal(0, count));
        Assert.Equal(0, reader.Stats.FramesProcessed);
        Assert.Equal(report.Template!.TemplateId, Assert.Single(_harness.Store.ListFaceTemplates(resident)).TemplateId);

        // The gate loop is back, and the new template opens for the resident's face.
        var raised = FaceGateHarness.Present(reader, _harness.Frame(FaceGateFrames.Resident));
        Assert.Equal(resident, Assert.Single(raised).FaceResident);
    }

    [Fact]
    public async Task EnrollFromCamera_WithoutConsent_RefusedNamingResidentNothingStored()
    {
        var resident = _harness.AddResident("R0002", consent: false);
        using var reader = _harness.CreateReader(_camera, FaceGateMode.Continuous);

        var error = await Assert.ThrowsAsync<FaceRecognitionException>(
            () => _harness.Recognition.EnrollFromCameraAsync(resident, 3, FaceGateHarness.Operator, null, CancellationToken.None));

        Assert.Contains("R0002", error.Message, StringComparison.Ordinal);
        Assert.Contains("no active face consent", error.Message, StringComparison.Ordinal);
        Assert.Empty(_harness.Store.ListFaceTemplates(resident));
        // The camera was never borrowed: the gate loop decides the next frame.
        _harness.AddEnrolled("R0003", FaceGateFrames.Resident);
        Assert.Single(FaceGateHarness.Present(reader, _harness.Frame(FaceGateFrames.Resident)));
    }

    [Fact]
    public async Task EnrollFromCamera_TooFewGoodFramesInTime_NothingStoredAndReasonGiven()
    {
        var resident = _harness.AddResident("R0004", consent: true);
        using var reader = _harness.CreateReader(_camera, FaceGateMode.Continuous, o => o.EnrollmentTimeout = TimeSpan.FromSeconds(30));

        var enrolling = _harness.Recognition.EnrollFromCameraAsync(resident, 2, FaceGateHarness.Operator, "gate-camera", CancellationToken.None);
        FaceGateHarness.Present(reader, _harness.Frame(FaceGateFrames.Resident));
        _harness.Time.Advance(TimeSpan.FromSeconds(31));
        var report = await enrolling.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.False(report.Enrolled);
        Assert.Null(report.Template);
        Assert.Contains("only 1 of 2 good frames within 30 s", report.Problem, StringComparison.Ordinal);
        Assert.Empty(_harness.Store.ListFaceTemplates(resident));
        Assert.Equal(0, _harness.Recognition.TemplateCount);
    }

    [Fact]
    public async Task EnrollFromCamera_SecondWhileRunning_Refused()
    {
        var first = _harness.AddResident("R0005", consent: true);
        var second = _harness.AddResident("R0006", consent: true);
        using var reader = _harness.CreateReader(_camera, FaceGateMode.Continuous);
        using var cancel = new CancellationTokenSource();

        var running = _harness.Recognition.EnrollFromCameraAsync(first, 2, FaceGateHarness.Operator, null, cancel.Token);
        var error = await Assert.ThrowsAsync<FaceRecognitionException>(
            () => _harness.Recognition.EnrollFromCameraAsync(second, 2, FaceGateHarness.Operator, null, CancellationToken.None));
        await cancel.CancelAsync();

        Assert.Contains("already running at gate-camera", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.Empty(_harness.Store.ListFaceTemplates(first));
    }

    [Fact]
    public async Task EnrollFromCamera_UnknownReader_RefusedNamingTheCameras()
    {
        var resident = _harness.AddResident("R0007", consent: true);
        using var reader = _harness.CreateReader(_camera, FaceGateMode.Continuous);

        var error = await Assert.ThrowsAsync<FaceRecognitionException>(
            () => _harness.Recognition.EnrollFromCameraAsync(resident, 2, FaceGateHarness.Operator, "back-door", CancellationToken.None));

        Assert.Contains("back-door", error.Message, StringComparison.Ordinal);
        Assert.Contains("gate-camera", error.Message, StringComparison.Ordinal);
    }
}
