using GateController.Core.Consents;

namespace GateController.Core.Privacy;

/// <summary>
/// Flags consents given under a notice that is no longer in force. A consent is never carried over to a new notice
/// silently: it stays valid for what it was given for, and is listed for renewal until the resident consents again.
/// </summary>
public static class ConsentRenewal
{
    /// <summary>
    /// Compares <paramref name="consent"/> with the notices in force (one per language, same version). The consent is
    /// current when one of them has exactly its version and hash.
    /// </summary>
    public static ConsentRenewalCheck Evaluate(ConsentRecord consent, IReadOnlyCollection<ConsentNotice> currentNotices, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(consent);
        ArgumentNullException.ThrowIfNull(currentNotices);
        if (currentNotices.Count == 0)
        {
            throw new ArgumentException("at least one notice must be in force", nameof(currentNotices));
        }

        var given = $"consent of {consent.ResidentId} given under notice {consent.NoticeVersion} (sha256 {Short(consent.NoticeSha256)})";
        if (!consent.IsActiveAt(at))
        {
            return new ConsentRenewalCheck(consent.ResidentId, ConsentRenewalReason.Withdrawn, $"{given} is not active; nothing to renew");
        }

        if (currentNotices.Any(n => n.IsNamedBy(consent)))
        {
            return new ConsentRenewalCheck(consent.ResidentId, ConsentRenewalReason.Current, $"{given} is current");
        }

        var current = string.Join(", ", currentNotices.Select(n => $"{n.Version} ({n.Language}, sha256 {n.ShortSha256})"));
        var sameVersion = currentNotices.Any(n => string.Equals(n.Version, consent.NoticeVersion, StringComparison.Ordinal));
        return sameVersion
            ? new ConsentRenewalCheck(
                consent.ResidentId,
                ConsentRenewalReason.NoticeTextChanged,
                $"{given} needs renewal: the text of notice {consent.NoticeVersion} changed since (now {current}); give edited notices a new version")
            : new ConsentRenewalCheck(
                consent.ResidentId,
                ConsentRenewalReason.OtherNoticeVersion,
                $"{given} needs renewal: the notice in force is {current}");
    }

    /// <summary>The active consents among <paramref name="consents"/> that need renewal under <paramref name="currentNotices"/>.</summary>
    public static IReadOnlyList<ConsentRenewalCheck> FindNeedingRenewal(IEnumerable<ConsentRecord> consents, IReadOnlyCollection<ConsentNotice> currentNotices, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(consents);
        return consents.Select(c => Evaluate(c, currentNotices, at)).Where(c => c.NeedsRenewal).ToList();
    }

    private static string Short(string hash) => hash.Length > ConsentNotice.ShortSha256Length ? hash[..ConsentNotice.ShortSha256Length] : hash;
}
