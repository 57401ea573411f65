using GateController.Core.Residents;

namespace GateController.Core.Privacy;

/// <summary>The result of <see cref="ConsentRenewal.Evaluate(Consents.ConsentRecord, IReadOnlyCollection{ConsentNotice}, DateTimeOffset)"/>.</summary>
/// <param name="ResidentId">Whose consent.</param>
/// <param name="Reason">Why it does or does not need renewal.</param>
/// <param name="Message">One line naming the resident, the consent's notice and the current one; no name, no guardian.</param>
public sealed record ConsentRenewalCheck(ResidentId ResidentId, ConsentRenewalReason Reason, string Message)
{
    /// <summary>True when the resident must be asked again before face data is used under the current notice.</summary>
    public bool NeedsRenewal => Reason is ConsentRenewalReason.OtherNoticeVersion or ConsentRenewalReason.NoticeTextChanged;
}
