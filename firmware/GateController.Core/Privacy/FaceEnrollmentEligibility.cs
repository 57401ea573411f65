using GateController.Core.Consents;
using GateController.Core.Residents;

namespace GateController.Core.Privacy;

/// <summary>
/// Whether a resident's face may be enrolled (rule P2): they live here, hold an active separate face consent given
/// under the notice in force, and for a minor that consent was given by a guardian (CAC 2025 measures art. 7).
/// Pure: the service calls it before computing any template.
/// </summary>
public static class FaceEnrollmentEligibility
{
    /// <summary>Checks <paramref name="resident"/> against their <paramref name="consents"/> at <paramref name="at"/>.</summary>
    public static FaceEnrollmentCheck Check(Resident resident, IEnumerable<ConsentRecord> consents, IReadOnlyCollection<ConsentNotice> currentNotices, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(resident);
        ArgumentNullException.ThrowIfNull(consents);
        ArgumentNullException.ThrowIfNull(currentNotices);
        if (resident.Status == ResidentStatus.MovedOut)
        {
            return Refused($"resident {resident.Id} has moved out; no face can be enrolled");
        }

        var consent = consents
            .Where(c => c.ResidentId == resident.Id && c.Kind == ConsentKind.Face && c.IsActiveAt(at))
            .OrderBy(c => c.GivenAt)
            .LastOrDefault();
        if (consent is null)
        {
            return Refused($"resident {resident.Id} has no active face consent; record a separate consent first (PIPL art. 29)");
        }

        if (resident.IsMinor && string.IsNullOrWhiteSpace(consent.Guardian))
        {
            return Refused($"resident {resident.Id} is a minor; the face consent must be given by a guardian and record the guardian");
        }

        var renewal = ConsentRenewal.Evaluate(consent, currentNotices, at);
        if (renewal.NeedsRenewal)
        {
            return Refused($"resident {resident.Id} consented under notice {consent.NoticeVersion}, which is not the notice in force; ask again before enrolling");
        }

        return new FaceEnrollmentCheck(true, consent, null);
    }

    private static FaceEnrollmentCheck Refused(string error) => new(false, null, error);
}
