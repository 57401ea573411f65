using GateController.Core.Consents;
using GateController.Core.Residents;

namespace GateController.Storage.Records;

/// <summary>A stored consent (P3), with its withdrawal if any.</summary>
/// <param name="ConsentId">The store's number for the consent.</param>
/// <param name="Resident">Who consented.</param>
/// <param name="Kind">What it covers.</param>
/// <param name="NoticeVersion">Version of the notice text.</param>
/// <param name="NoticeSha256Hex">SHA-256 of the notice text, lower-case hex.</param>
/// <param name="Channel">How it was given.</param>
/// <param name="FormNumber">Signed paper form number, if any.</param>
/// <param name="Guardian">Guardian for a minor, if any.</param>
/// <param name="OperatorId">Operator who recorded it, if any.</param>
/// <param name="GivenAt">When it was given.</param>
/// <param name="WithdrawnAt">When it was withdrawn, if it was.</param>
/// <param name="WithdrawalChannel">How it was withdrawn, if it was.</param>
/// <param name="WithdrawalOperatorId">Operator who recorded the withdrawal, if any.</param>
public sealed record StoredConsent(
    long ConsentId,
    ResidentId Resident,
    ConsentKind Kind,
    string NoticeVersion,
    string NoticeSha256Hex,
    ConsentChannel Channel,
    string? FormNumber,
    string? Guardian,
    string? OperatorId,
    DateTimeOffset GivenAt,
    DateTimeOffset? WithdrawnAt,
    ConsentChannel? WithdrawalChannel,
    string? WithdrawalOperatorId)
{
    /// <summary>True while the consent has not been withdrawn.</summary>
    public bool IsActive => WithdrawnAt is null;
}
