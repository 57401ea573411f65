namespace GateController.Service.Face;

/// <summary>What one gate frame concluded. Only <see cref="Matched"/> names anyone.</summary>
public enum FaceProbeOutcome
{
    /// <summary>No face in the frame.</summary>
    NoFace,

    /// <summary>A face that failed the quality gate, or more faces than one.</summary>
    QualityRejected,

    /// <summary>A face below the liveness threshold (fall back to card or PIN, P14).</summary>
    LivenessFailed,

    /// <summary>A usable face that matched no consenting resident (or the claimed resident): no trace is kept (P5).</summary>
    Unmatched,

    /// <summary>A face that matched a resident with an active face consent.</summary>
    Matched,
}
