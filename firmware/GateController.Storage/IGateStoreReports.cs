using GateController.Core.Privacy;
using GateController.Storage.Records;

namespace GateController.Storage;

/// <summary>
/// What the store tells about itself for status, health and the privacy reports: counts without identities, how it
/// protects data, the retention it enforces, and the access event log read forward from a cursor.
/// </summary>
public interface IGateStoreReports
{
    /// <summary>The retention the store enforces (rule P9).</summary>
    StoreRetentionSettings Retention { get; }

    /// <summary>Counts what the store holds: residents, minors, cards, PINs, active face consents, templates, events, audit entries.</summary>
    PrivacyStoreCounts CountContents();

    /// <summary>
    /// Visitor codes usable at <paramref name="at"/> or later (not revoked, not expired, a use left), and how many were
    /// issued from <paramref name="issuedSince"/> on (from the audit log, which outlives pruned codes).
    /// </summary>
    VisitorCodeCounts CountVisitorCodes(DateTimeOffset at, DateTimeOffset issuedSince);

    /// <summary>
    /// Residents who hold an active face consent but none under <paramref name="currentNotices"/> (same version and
    /// text hash): their consent was given under an earlier notice and is flagged for renewal, never carried over.
    /// </summary>
    int CountResidentsNeedingConsentRenewal(IReadOnlyCollection<ConsentNotice> currentNotices);

    /// <summary>How the store protects each kind of data (rule P6), in words for an impact assessment.</summary>
    PrivacyEncryptionSummary DescribeProtection();

    /// <summary>The sequence number of the newest access event, or 0 when the log is empty: a cursor for <see cref="ReadAccessEventsAfter"/>.</summary>
    long LastAccessEventSequence();

    /// <summary>The newest access events with their sequence numbers, newest first, at most <paramref name="maximumCount"/>.</summary>
    IReadOnlyList<SequencedAccessEvent> ReadLatestAccessEvents(int maximumCount);

    /// <summary>Access events with a sequence number above <paramref name="afterSequence"/>, oldest first, at most <paramref name="maximumCount"/>.</summary>
    IReadOnlyList<SequencedAccessEvent> ReadAccessEventsAfter(long afterSequence, int maximumCount);
}
