namespace GateController.Vision.Face;

/// <summary>What the pipeline does with the liveness check.</summary>
public enum LivenessRequirement
{
    /// <summary>Scored, and a face below the threshold is not embedded (the gate: P14, fall back to card or PIN).</summary>
    Required,

    /// <summary>Scored and reported, never enforced (a technician's test).</summary>
    Measured,

    /// <summary>Not run (enrolment from a photo the operator vouches for; accuracy measurement).</summary>
    Skipped,
}
