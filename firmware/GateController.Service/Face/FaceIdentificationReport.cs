using GateController.Core.Residents;

namespace GateController.Service.Face;

/// <summary>What a technician's identify test found: no pixels, no embedding.</summary>
/// <param name="FaceCount">Faces in the photo.</param>
/// <param name="Resident">The identified resident, or null.</param>
/// <param name="Score">The best similarity found (0 when no search ran).</param>
/// <param name="Problem">Why no search ran, or null.</param>
public sealed record FaceIdentificationReport(int FaceCount, ResidentId? Resident, double Score, string? Problem)
{
    /// <summary>Whether a consenting resident was identified.</summary>
    public bool Match => Resident is not null;
}
