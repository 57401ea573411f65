namespace GateController.Vision.Camera;

/// <summary>Why a captured frame or a replay file was not delivered.</summary>
public enum CameraFrameRejection
{
    /// <summary>A replay file that is not a JPEG image (text, PNG, empty).</summary>
    NotAnImage,

    /// <summary>A JPEG or MJPEG frame that could not be decoded.</summary>
    CorruptImage,

    /// <summary>A compressed frame cut short (no end-of-image marker).</summary>
    TruncatedFrame,

    /// <summary>A raw frame with fewer bytes than its format and size need.</summary>
    ShortFrame,

    /// <summary>The driver flagged the buffer as damaged.</summary>
    DriverError,

    /// <summary>The frame size differs from the negotiated one.</summary>
    ResolutionChanged,
}
