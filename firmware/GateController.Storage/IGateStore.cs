using GateController.Core.Consents;
using GateController.Core.Credentials;
using GateController.Core.Residents;
using GateController.Storage.Audit;
using GateController.Storage.Records;
using GateController.Storage.Retention;

namespace GateController.Storage;

/// <summary>
/// The unit's local store: residents, credentials (as keyed hashes), consents, encrypted face templates,
/// the hash-chained audit log and the access event log. Every change is one transaction with its audit entry.
/// Failures are <see cref="StoreException"/> with a <see cref="StoreErrorCode"/>.
/// </summary>
public interface IGateStore : IDisposable, IGateStoreReports, ITechnicianKeyStore
{
    /// <summary>Adds a resident.</summary>
    void AddResident(Resident resident, string? operatorId);

    /// <summary>Replaces a resident's name, room, status and minor flag; moving out deletes face data at once.</summary>
    void UpdateResident(Resident resident, string? operatorId);

    /// <summary>Finds a resident.</summary>
    bool TryGetResident(ResidentId id, out Resident resident);

    /// <summary>Lists every resident, ordered by id.</summary>
    IReadOnlyList<Resident> ListResidents();

    /// <summary>Puts a resident in an access group (a name of 1–32 letters, digits, '-', '_', '.'), or back under the door's default policy with null; audited.</summary>
    void SetAccessGroup(ResidentId id, string? group, string? operatorId);

    /// <summary>Finds a resident and their access group (null: the door's default policy) in one lookup.</summary>
    bool TryGetResidentWithAccessGroup(ResidentId id, out Resident resident, out string? accessGroup);

    /// <summary>How many residents each access group named in the store holds.</summary>
    IReadOnlyDictionary<string, int> CountResidentsPerAccessGroup();

    /// <summary>Deletes a resident with cards, PIN, consents, data key and templates (crypto-shredding).</summary>
    void DeleteResident(ResidentId id, string? operatorId);

    /// <summary>Adds residents with cards and PINs all-or-nothing; returns how many were imported.</summary>
    int ImportResidents(IReadOnlyList<ResidentImportRow> rows, string? operatorId);

    /// <summary>Registers a card for a resident.</summary>
    CardRecord AddCard(ResidentId id, CardFormat format, ReadOnlySpan<byte> uid, string? operatorId);

    /// <summary>Removes a card; returns false if it was not registered.</summary>
    bool RemoveCard(CardFormat format, ReadOnlySpan<byte> uid, string? operatorId);

    /// <summary>Finds the card presented at a reader (indexed lookup by keyed hash).</summary>
    bool TryFindCard(CardFormat format, ReadOnlySpan<byte> uid, out CardRecord card);

    /// <summary>Sets or replaces a resident's PIN (4–12 digits, unique on the unit).</summary>
    void SetPin(ResidentId id, string pin, string? operatorId);

    /// <summary>Removes a resident's PIN; returns false if none was set.</summary>
    bool ClearPin(ResidentId id, string? operatorId);

    /// <summary>Finds whose PIN this is (PIN-only entry).</summary>
    bool TryFindResidentByPin(string pin, out ResidentId id);

    /// <summary>Checks a resident's PIN (card plus PIN entry).</summary>
    bool VerifyPin(ResidentId id, string pin);

    /// <summary>Issues a visitor code for a resident's visitor: a fresh random code, stored only as a keyed hash; audited without the code.</summary>
    IssuedVisitorCode IssueVisitorCode(ResidentId issuer, DateTimeOffset validFrom, DateTimeOffset validUntil, int maximumUses, string? operatorId);

    /// <summary>Lists visitor codes (never the codes), of one issuer or of all when <paramref name="issuer"/> is null, by number.</summary>
    IReadOnlyList<VisitorCodeRecord> ListVisitorCodes(ResidentId? issuer);

    /// <summary>Revokes a visitor code by its number; returns false if there is no such unrevoked code.</summary>
    bool RevokeVisitorCode(long visitorCodeId, string? operatorId);

    /// <summary>Finds the unrevoked visitor code typed at a keypad (indexed lookup by keyed hash).</summary>
    bool TryFindVisitorCode(string code, out VisitorCodeRecord record);

    /// <summary>Counts one use of a visitor code at <paramref name="at"/> in one transaction; false (nothing changed) when it is unknown, revoked, outside its window or used up.</summary>
    bool TryConsumeVisitorCode(string code, DateTimeOffset at, out VisitorCodeRecord record);

    /// <summary>Records a consent; a minor's consent must name a guardian.</summary>
    StoredConsent RecordConsent(ConsentGrant grant);

    /// <summary>Withdraws the active consent of a kind; for face, deletes the face templates in the same transaction.</summary>
    StoredConsent WithdrawConsent(ResidentId id, ConsentKind kind, ConsentChannel channel, string? operatorId);

    /// <summary>True when the resident has a consent of <paramref name="kind"/> given by <paramref name="at"/> and not withdrawn by then; false for an unknown resident.</summary>
    bool HasActiveConsent(ResidentId id, ConsentKind kind, DateTimeOffset at);

    /// <summary>Lists a resident's consents, oldest first.</summary>
    IReadOnlyList<StoredConsent> ListConsents(ResidentId id);

    /// <summary>Encrypts and stores a face template; fails without an active face consent (P2).</summary>
    FaceTemplateRecord AddFaceTemplate(ResidentId id, string modelId, ReadOnlySpan<float> embedding, string? operatorId);

    /// <summary>Lists a resident's face templates (without bytes).</summary>
    IReadOnlyList<FaceTemplateRecord> ListFaceTemplates(ResidentId id);

    /// <summary>Finds the store's number of a resident's newest face template (a reference for the access decision, never the template).</summary>
    bool TryFindFaceTemplate(ResidentId id, out FaceTemplateId templateId);

    /// <summary>
    /// Decrypts every face template into a list held in memory at once (for tools and tests); the matcher streams
    /// them instead with <see cref="StreamConsentedFaceTemplates"/>. Throws on the first damaged row.
    /// </summary>
    IReadOnlyList<FaceTemplate> LoadFaceTemplates();

    /// <summary>
    /// Streams the face templates the matcher may use: those of <paramref name="modelId"/> whose resident is active
    /// and has an active face consent (P2). Each is decrypted into one pinned buffer, handed to
    /// <paramref name="visitor"/> and cleared before the next row; nothing decrypted is kept or returned. A row that
    /// fails authentication or is damaged is counted and skipped, and the load goes on.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; the load stopped.</exception>
    FaceTemplateLoadReport StreamConsentedFaceTemplates(string modelId, FaceTemplateVisitor visitor, CancellationToken cancellationToken);

    /// <summary>Notes that a resident's face matched now: their templates of <paramref name="modelId"/> are not "unused" for retention.</summary>
    void RecordFaceMatch(ResidentId id, string modelId);

    /// <summary>Deletes a resident's face templates and data key (crypto-shredding); returns how many templates.</summary>
    int DeleteFaceData(ResidentId id, string? operatorId);

    /// <summary>Returns a copy of what the unit holds about a resident (P11); audited.</summary>
    ResidentCopy ExportResident(ResidentId id, string? operatorId);

    /// <summary>Appends an audit entry for an action outside the store (configuration change, manual release…).</summary>
    AuditEntry AppendAudit(AuditAction action, string? operatorId, ResidentId? resident, string? detail);

    /// <summary>Reads audit entries from a sequence number on, at most <paramref name="maximumCount"/>.</summary>
    IReadOnlyList<AuditEntry> ReadAudit(long fromSequence, int maximumCount);

    /// <summary>Checks the audit chain and names the first entry altered, removed or reordered.</summary>
    AuditVerification VerifyAudit();

    /// <summary>Appends an access event (durable on return: synchronous=FULL).</summary>
    void AppendAccessEvent(AccessEventRecord accessEvent);

    /// <summary>Reads the newest access events, newest first.</summary>
    IReadOnlyList<AccessEventRecord> ReadAccessEvents(int maximumCount);

    /// <summary>Counts stored access events.</summary>
    long CountAccessEvents();

    /// <summary>Applies retention now: old and excess access events, unused face templates (each audited).</summary>
    RetentionReport ApplyRetention();
}
