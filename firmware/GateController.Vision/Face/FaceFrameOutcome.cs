namespace GateController.Vision.Face;

/// <summary>What processing one frame concluded.</summary>
public enum FaceFrameOutcome
{
    /// <summary>One face passed every check and its embedding is available.</summary>
    Embedded,

    /// <summary>No face was found.</summary>
    NoFace,

    /// <summary>More faces were found than the pipeline accepts in one frame.</summary>
    TooManyFaces,

    /// <summary>The face failed the quality gate; the assessment lists why.</summary>
    QualityRejected,

    /// <summary>The face scored below the liveness threshold; fall back to card or PIN (P14).</summary>
    LivenessFailed,
}
