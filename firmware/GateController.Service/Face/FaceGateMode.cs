namespace GateController.Service.Face;

/// <summary>How a door's camera takes part in access decisions (configured per door).</summary>
public enum FaceGateMode
{
    /// <summary>No face recognition at this door; the camera is not opened.</summary>
    Off,

    /// <summary>Face alone, 1:N among the consenting residents, on every frame.</summary>
    Continuous,

    /// <summary>
    /// Face alone, 1:N, but the models run only after motion in the picture or an external trigger (a button or a
    /// proximity input) and for as long as a face stays in view; at idle only a cheap frame difference runs.
    /// </summary>
    Triggered,

    /// <summary>
    /// Card then face, 1:1: the models run only after a card names a consenting resident, and only against that
    /// resident's templates, within a window.
    /// </summary>
    CardAndFace,
}
