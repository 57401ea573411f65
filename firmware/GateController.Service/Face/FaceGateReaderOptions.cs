using GateController.Vision.Camera;

namespace GateController.Service.Face;

/// <summary>Settings of one door's <see cref="FaceGateReader"/> (section <c>Face:Doors:{door}</c>).</summary>
public sealed class FaceGateReaderOptions
{
    /// <summary>The reader's configured name, used in credentials, health and events. Required.</summary>
    public string ReaderId { get; set; } = string.Empty;

    /// <summary>How the camera takes part at this door. Default <see cref="FaceGateMode.Triggered"/>.</summary>
    public FaceGateMode Mode { get; set; } = FaceGateMode.Triggered;

    /// <summary>
    /// Triggered mode: how long the models keep running after motion or <see cref="FaceGateReader.Trigger"/> when no
    /// face is seen; every frame with a face extends it. Default 3 s.
    /// </summary>
    public TimeSpan TriggerWindow { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Card+face mode: how long after the card the camera looks for the card holder's face. Default 8 s.</summary>
    public TimeSpan VerificationWindow { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// A resident let in is not let in again while in view; they are out of view once no face has been seen for this
    /// long. Default 2 s.
    /// </summary>
    public TimeSpan LeaveViewAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Live enrolment gives up when the good frames are not collected within this time. Default 30 s.</summary>
    public TimeSpan EnrollmentTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many recent frames the latency percentiles are taken over. Default 256.</summary>
    public int LatencySampleCount { get; set; } = 256;

    /// <summary>The motion detector of triggered mode.</summary>
    public MotionDetectorOptions Motion { get; set; } = new();

    /// <summary>Returns every problem with these settings, one message per problem naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(ReaderId))
        {
            problems.Add($"{nameof(ReaderId)} must name the reader");
        }

        if (!Enum.IsDefined(Mode))
        {
            problems.Add($"{nameof(Mode)} {(int)Mode} is not one of Off, Continuous, Triggered, CardAndFace");
        }

        CheckDuration(problems, nameof(TriggerWindow), TriggerWindow, TimeSpan.FromMinutes(5));
        CheckDuration(problems, nameof(VerificationWindow), VerificationWindow, TimeSpan.FromMinutes(2));
        CheckDuration(problems, nameof(LeaveViewAfter), LeaveViewAfter, TimeSpan.FromMinutes(5));
        CheckDuration(problems, nameof(EnrollmentTimeout), EnrollmentTimeout, TimeSpan.FromMinutes(10));
        if (LatencySampleCount is < 16 or > 65536)
        {
            problems.Add($"{nameof(LatencySampleCount)} must be 16–65536, not {LatencySampleCount}");
        }

        if (Motion is null)
        {
            problems.Add($"{nameof(Motion)} must be set");
        }
        else
        {
            problems.AddRange(Motion.Validate().Select(problem => $"{nameof(Motion)}.{problem}"));
        }

        return problems;
    }

    private static void CheckDuration(List<string> problems, string name, TimeSpan value, TimeSpan maximum)
    {
        if (value <= TimeSpan.Zero || value > maximum)
        {
            problems.Add($"{name} must be above 0 and at most {maximum}, not {value}");
        }
    }
}
