using GateController.Core.Residents;
using GateController.Storage.Records;

namespace GateController.Service.Face;

/// <summary>The outcome of a live enrolment: the stored template's record, or why none was made, and every frame's verdict.</summary>
/// <param name="Resident">Whose face.</param>
/// <param name="FramesRequested">Good frames asked for.</param>
/// <param name="Frames">Every frame looked at, in order, accepted or with the reason it was refused.</param>
/// <param name="Template">The stored template's record (no template bytes), or null.</param>
/// <param name="Problem">Why no template was stored, or null.</param>
public sealed record FaceCameraEnrollmentReport(
    ResidentId Resident, int FramesRequested, IReadOnlyList<FaceEnrollmentFrame> Frames, FaceTemplateRecord? Template, string? Problem)
{
    /// <summary>Whether a template was stored.</summary>
    public bool Enrolled => Template is not null;

    /// <summary>Good frames collected.</summary>
    public int FramesAccepted => Frames.Count(f => f.Accepted);
}
