using GateController.Core.Consents;
using GateController.Core.Residents;

namespace GateController.Storage.Records;

/// <summary>A consent being given (P3).</summary>
/// <param name="Resident">Who consents.</param>
/// <param name="Kind">What the consent covers.</param>
/// <param name="NoticeVersion">Version of the notice text shown.</param>
/// <param name="NoticeText">The notice text itself; the store keeps its SHA-256.</param>
/// <param name="Channel">How it was given.</param>
/// <param name="FormNumber">Signed paper form number (office channel).</param>
/// <param name="Guardian">The guardian who consents for a minor; required for minors.</param>
/// <param name="OperatorId">The operator who recorded it; null when given at the gate.</param>
public sealed record ConsentGrant(
    ResidentId Resident,
    ConsentKind Kind,
    string NoticeVersion,
    string NoticeText,
    ConsentChannel Channel,
    string? FormNumber,
    string? Guardian,
    string? OperatorId);
