namespace GateController.Vision.Face;

/// <summary>Why a face was not used.</summary>
public enum FaceQualityRejection
{
    /// <summary>The face is narrower than the minimum width.</summary>
    TooSmall,

    /// <summary>The head is turned too far left or right.</summary>
    TurnedAway,

    /// <summary>The head is tilted too far up or down.</summary>
    TiltedUpOrDown,

    /// <summary>The face is blurred (motion or focus).</summary>
    Blurred,

    /// <summary>The face is too dark.</summary>
    TooDark,

    /// <summary>The face is too bright or largely clipped.</summary>
    TooBright,

    /// <summary>The landmarks are degenerate, so no pose can be estimated.</summary>
    BadLandmarks,
}
