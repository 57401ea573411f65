using System.Security.Cryptography;
using System.Text;
using GateController.Core.Access;
using GateController.Core.Consents;
using GateController.Core.Credentials;
using GateController.Core.Readers;
using GateController.Core.Residents;

namespace GateController.Simulation.Access;

/// <summary>
/// An in-memory stand-in for the encrypted store, used by the simulated gate until the store is wired: residents,
/// cards (by format and UID), PINs (kept as SHA-256, never as digits), visitor codes with their uses, validity
/// windows, face enrollments and consents. It turns a reader's <see cref="CredentialPresented"/> into the core's
/// <see cref="PresentedCredential"/> and <see cref="CredentialLookup"/>, including a card waiting for its PIN
/// (card+PIN) and duress PINs (<see cref="DuressPins.TryRevert"/>). As an <see cref="IAccessDirectory"/> it serves an
/// <see cref="AccessGate"/>. Not thread-safe; simulation only.
/// </summary>
public sealed class SimulatedAccessDirectory : IAccessDirectory
{
    private readonly DuressPinTransformation _duressTransformation;
    private readonly Dictionary<ResidentId, ResidentEntry> _residents = [];
    private readonly List<CardCredential> _cards = [];
    private readonly List<VisitorCodeEntry> _visitorCodes = [];
    private readonly Dictionary<string, PendingCard> _pendingCards = new(StringComparer.Ordinal);

    /// <summary>Creates an empty directory.</summary>
    /// <param name="duressTransformation">How a duress PIN derives from a resident's PIN; <see cref="DuressPinTransformation.None"/> for none.</param>
    public SimulatedAccessDirectory(DuressPinTransformation duressTransformation)
    {
        if (!Enum.IsDefined(duressTransformation))
        {
            throw new ArgumentOutOfRangeException(nameof(duressTransformation), duressTransformation, "unknown duress transformation");
        }

        _duressTransformation = duressTransformation;
    }

    /// <summary>Residents in the order they were added.</summary>
    public IEnumerable<Resident> Residents => _residents.Values.OrderBy(e => e.Order).Select(e => e.Resident);

    /// <summary>Adds a resident; <paramref name="accessGroup"/> names the door policy that applies to them (null: the door's default).</summary>
    /// <exception cref="ArgumentException">The id is already taken or the group name is blank.</exception>
    public void AddResident(Resident resident, string? accessGroup = null)
    {
        ArgumentNullException.ThrowIfNull(resident);
        if (accessGroup is not null && string.IsNullOrWhiteSpace(accessGroup))
        {
            throw new ArgumentException("an access group needs a name", nameof(accessGroup));
        }

        if (!_residents.TryAdd(resident.Id, new ResidentEntry(resident, accessGroup, _residents.Count)))
        {
            throw new ArgumentException($"resident {resident.Id} already exists", nameof(resident));
        }
    }

    /// <summary>Marks a resident as moved out: every credential of theirs is refused from now on.</summary>
    public void MoveOut(ResidentId residentId)
    {
        var entry = Entry(residentId);
        entry.Resident = entry.Resident with { Status = ResidentStatus.MovedOut };
    }

    /// <summary>The access group of <paramref name="residentId"/>, or null for the door's default.</summary>
    public string? AccessGroupOf(ResidentId residentId) => Entry(residentId).AccessGroup;

    /// <summary>Gives <paramref name="residentId"/> a card.</summary>
    /// <exception cref="ArgumentException">The card (format and UID) belongs to someone already.</exception>
    public void AddCard(ResidentId residentId, CardFormat format, ReadOnlySpan<byte> uid, ValidityWindow validity)
    {
        Entry(residentId);
        foreach (var card in _cards)
        {
            if (card.Matches(format, uid))
            {
                throw new ArgumentException("the card is already registered", nameof(uid));
            }
        }

        _cards.Add(new CardCredential(residentId, format, uid, validity));
    }

    /// <summary>Sets <paramref name="residentId"/>'s PIN (4–8 digits); PINs are unique because a PIN alone identifies its holder.</summary>
    /// <exception cref="ArgumentException">The PIN is malformed, or another resident has it or has it as their duress form.</exception>
    public void SetPin(ResidentId residentId, string pin, ValidityWindow validity)
    {
        var entry = Entry(residentId);
        ArgumentException.ThrowIfNullOrEmpty(pin);
        if (pin.Length is < 4 or > 8 || !pin.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("a PIN is 4 to 8 digits", nameof(pin));
        }

        var hash = Hash(pin);
        Span<char> duress = stackalloc char[pin.Length];
        var duressHash = DuressPins.TryApply(pin, _duressTransformation, duress) ? Hash(duress) : null;
        foreach (var other in _residents.Values)
        {
            if (other != entry && other.PinHash is { } otherHash
                && (otherHash == hash || otherHash == duressHash || other.DuressPinHash == hash))
            {
                throw new ArgumentException("another resident has this PIN or its duress form; choose another", nameof(pin));
            }
        }

        entry.PinHash = hash;
        entry.DuressPinHash = duressHash;
        entry.Pin = new PinCredential(residentId, validity);
    }

    /// <summary>Issues a visitor code on behalf of <paramref name="issuedBy"/>, valid in <paramref name="validity"/> for <paramref name="maximumUses"/> uses.</summary>
    /// <exception cref="ArgumentException">The code is malformed or already issued.</exception>
    public void AddVisitorCode(ResidentId issuedBy, string code, ValidityWindow validity, int maximumUses)
    {
        Entry(issuedBy);
        ArgumentException.ThrowIfNullOrEmpty(code);
        if (code.Length is < 4 or > 10 || !code.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("a visitor code is 4 to 10 digits", nameof(code));
        }

        var hash = Hash(code);
        if (_visitorCodes.Any(v => v.CodeHash == hash))
        {
            throw new ArgumentException("the visitor code is already issued", nameof(code));
        }

        _visitorCodes.Add(new VisitorCodeEntry(hash, new VisitorCodeCredential(issuedBy, validity, maximumUses, 0)));
    }

    /// <summary>Records a face enrollment (a template reference only) for <paramref name="residentId"/>.</summary>
    public void EnrollFace(ResidentId residentId, FaceTemplateId templateId, ValidityWindow validity) =>
        Entry(residentId).Face = new FaceCredential(residentId, templateId, validity);

    /// <summary>Records a consent (P3); it must be valid for its resident.</summary>
    /// <exception cref="ArgumentException">The record has problems; the message lists every one.</exception>
    public void RecordConsent(ConsentRecord consent)
    {
        ArgumentNullException.ThrowIfNull(consent);
        var entry = Entry(consent.ResidentId);
        var problems = consent.Validate(entry.Resident);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(consent));
        }

        entry.Consents.Add(consent);
    }

    /// <summary>True when <paramref name="residentId"/> has a face consent active at <paramref name="at"/>; false for an unknown resident.</summary>
    public bool HasActiveFaceConsent(ResidentId residentId, DateTimeOffset at) =>
        _residents.TryGetValue(residentId, out var entry) && entry.Consents.Any(c => c.Kind == ConsentKind.Face && c.IsActiveAt(at));

    /// <inheritdoc />
    public CardCredential? FindCard(CardFormat format, ReadOnlySpan<byte> uid)
    {
        foreach (var card in _cards)
        {
            if (card.Matches(format, uid))
            {
                return card;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public PinCredential? FindPinHolder(string pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        var hash = Hash(pin);
        return _residents.Values.FirstOrDefault(e => e.PinHash == hash && e.Pin is not null)?.Pin;
    }

    /// <inheritdoc />
    public bool VerifyPin(ResidentId residentId, string pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        return _residents.TryGetValue(residentId, out var entry) && entry.PinHash is { } hash && entry.Pin is not null && hash == Hash(pin);
    }

    /// <inheritdoc />
    public bool TryConsumeVisitorCode(string code, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(code);
        var hash = Hash(code);
        var entry = _visitorCodes.Find(v => v.CodeHash == hash);
        if (entry is null || entry.Credential.UsesRemaining <= 0 || entry.Credential.Validity.Check(at) != ValidityStatus.Valid)
        {
            return false;
        }

        entry.Credential = entry.Credential.WithOneUseConsumed();
        return true;
    }

    /// <inheritdoc />
    public DirectoryResident? FindResident(ResidentId residentId) =>
        _residents.TryGetValue(residentId, out var entry) ? new DirectoryResident(entry.Resident, entry.AccessGroup) : null;

    /// <inheritdoc />
    public FaceCredential? FindFace(ResidentId residentId) => _residents.TryGetValue(residentId, out var entry) ? entry.Face : null;

    /// <inheritdoc />
    public bool WithdrawFaceConsentAtGate(ResidentId residentId, DateTimeOffset at)
    {
        if (!_residents.TryGetValue(residentId, out var entry))
        {
            return false;
        }

        var withdrawn = false;
        for (var i = 0; i < entry.Consents.Count; i++)
        {
            var consent = entry.Consents[i];
            if (consent.Kind == ConsentKind.Face && consent.WithdrawnAt is null && at >= consent.GivenAt)
            {
                entry.Consents[i] = consent.Withdraw(at, ConsentChannel.Gate);
                withdrawn = true;
            }
        }

        if (withdrawn)
        {
            // P4: the templates go with the consent.
            entry.Face = null;
        }

        return withdrawn;
    }

    /// <summary>The visitor code issued as <paramref name="code"/>, with its uses so far, or null.</summary>
    public VisitorCodeCredential? FindVisitorCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var hash = Hash(code);
        return _visitorCodes.Find(v => v.CodeHash == hash)?.Credential;
    }

    /// <summary>Counts one use of <paramref name="credential"/> after it opened the door.</summary>
    /// <exception cref="ArgumentException">The code is not in this directory.</exception>
    public void ConsumeVisitorCode(VisitorCodeCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var entry = _visitorCodes.Find(v => ReferenceEquals(v.Credential, credential))
            ?? throw new ArgumentException("the visitor code is not in this directory", nameof(credential));
        entry.Credential = credential.WithOneUseConsumed();
    }

    /// <summary>
    /// Remembers that <paramref name="card"/>, just presented at <paramref name="readerId"/>, waits for its holder's PIN
    /// until <paramref name="until"/>: digits typed there before then are the card's second factor.
    /// </summary>
    public void AwaitPinAfterCard(string readerId, CardCredential card, DateTimeOffset until)
    {
        ArgumentException.ThrowIfNullOrEmpty(readerId);
        ArgumentNullException.ThrowIfNull(card);
        _pendingCards[readerId] = new PendingCard(card, until);
    }

    /// <summary>True when a card presented at <paramref name="readerId"/> still waits for its PIN at <paramref name="now"/>.</summary>
    public bool IsAwaitingPin(string readerId, DateTimeOffset now) =>
        _pendingCards.TryGetValue(readerId, out var pending) && pending.Until > now;

    /// <summary>
    /// Turns a reader's credential into what the core decides on. A card is looked up by format and UID; digits
    /// typed where a card waits for its PIN are that card's second factor; otherwise digits are a PIN (checked as
    /// typed, then in duress form) or a visitor code. Nothing found is <see cref="CredentialLookup.NotFound"/>.
    /// </summary>
    public SimulatedResolution Resolve(CredentialPresented credential, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var pending = TakePendingCard(credential, now);
        switch (credential.Kind)
        {
            case CredentialKind.Card:
                var card = _cards.Find(c => c.Matches(credential.CardFormat, credential.CardUid));
                return card is null
                    ? new SimulatedResolution(PresentedCredential.Card(), CredentialLookup.NotFound, null)
                    : Found(PresentedCredential.Card(), Entry(card.ResidentId), card, now);
            case CredentialKind.Pin when pending is not null:
                return ResolvePinAfterCard(pending, credential.Digits, now);
            case CredentialKind.Pin:
                return ResolvePin(credential.Digits, now);
            case CredentialKind.VisitorCode:
                var code = FindVisitorCode(credential.Digits);
                return code is null
                    ? new SimulatedResolution(PresentedCredential.VisitorCode(), CredentialLookup.NotFound, null)
                    : Found(PresentedCredential.VisitorCode(), Entry(code.ResidentId), code, now);
            default:
                return new SimulatedResolution(PresentedCredential.From(credential), CredentialLookup.NotFound, null);
        }
    }

    /// <summary>What each resident holds, for checking a door policy against P1 at <paramref name="at"/>.</summary>
    public IReadOnlyList<ResidentAccessProfile> Profiles(DateTimeOffset at) =>
        _residents.Values.OrderBy(e => e.Order).Select(e => new ResidentAccessProfile(
            e.Resident.Id,
            e.Resident.Status,
            HasCard: _cards.Any(c => c.ResidentId == e.Resident.Id && c.Validity.Check(at) == ValidityStatus.Valid),
            HasPin: e.Pin is { } pin && pin.Validity.Check(at) == ValidityStatus.Valid,
            HasConsentedFace: e.Face is not null && HasActiveFaceConsent(e.Resident.Id, at))).ToArray();

    private static string Hash(ReadOnlySpan<char> digits)
    {
        Span<byte> bytes = stackalloc byte[Encoding.ASCII.GetByteCount(digits)];
        Encoding.ASCII.GetBytes(digits, bytes);
        return Convert.ToHexString(SHA256.HashData(bytes));
    }

    private PendingCard? TakePendingCard(CredentialPresented credential, DateTimeOffset now)
    {
        if (!_pendingCards.Remove(credential.ReaderId, out var pending))
        {
            return null;
        }

        // A new card or a visitor code cancels the wait; only a PIN in time completes it.
        return credential.Kind == CredentialKind.Pin && pending.Until > now ? pending : null;
    }

    private SimulatedResolution ResolvePin(string digits, DateTimeOffset now)
    {
        var hash = Hash(digits);
        var holder = _residents.Values.FirstOrDefault(e => e.PinHash == hash && e.Pin is not null);
        var duress = false;
        if (holder is null)
        {
            Span<char> reverted = stackalloc char[digits.Length];
            if (DuressPins.TryRevert(digits, _duressTransformation, reverted))
            {
                var revertedHash = Hash(reverted);
                holder = _residents.Values.FirstOrDefault(e => e.PinHash == revertedHash && e.Pin is not null);
                duress = holder is not null;
            }
        }

        if (holder is null)
        {
            return new SimulatedResolution(PresentedCredential.Pin(), CredentialLookup.NotFound, null);
        }

        var found = Found(PresentedCredential.Pin(), holder, holder.Pin!, now);
        return found with { Lookup = found.Lookup with { IsDuressPin = duress } };
    }

    private SimulatedResolution ResolvePinAfterCard(PendingCard pending, string digits, DateTimeOffset now)
    {
        var holder = Entry(pending.Card.ResidentId);
        var outcome = SecondFactorOutcome.Mismatched;
        var duress = false;
        if (holder.PinHash is { } pinHash)
        {
            if (Hash(digits) == pinHash)
            {
                outcome = SecondFactorOutcome.Matched;
            }
            else
            {
                Span<char> reverted = stackalloc char[digits.Length];
                if (DuressPins.TryRevert(digits, _duressTransformation, reverted) && Hash(reverted) == pinHash)
                {
                    outcome = SecondFactorOutcome.Matched;
                    duress = true;
                }
            }
        }

        var found = Found(PresentedCredential.CardWithPin(), holder, pending.Card, now);
        return found with { Lookup = found.Lookup with { SecondFactor = outcome, IsDuressPin = duress } };
    }

    private SimulatedResolution Found(PresentedCredential presented, ResidentEntry holder, CredentialRecord credential, DateTimeOffset now)
    {
        var lookup = CredentialLookup.Found(holder.Resident, credential) with
        {
            HasActiveFaceConsent = HasActiveFaceConsent(holder.Resident.Id, now),
        };
        return new SimulatedResolution(presented, lookup, holder.AccessGroup);
    }

    private ResidentEntry Entry(ResidentId residentId) =>
        _residents.TryGetValue(residentId, out var entry)
            ? entry
            : throw new ArgumentException($"resident {residentId} is not in the directory", nameof(residentId));

    private sealed class ResidentEntry(Resident resident, string? accessGroup, int order)
    {
        public Resident Resident { get; set; } = resident;

        public string? AccessGroup { get; } = accessGroup;

        public int Order { get; } = order;

        public string? PinHash { get; set; }

        public string? DuressPinHash { get; set; }

        public PinCredential? Pin { get; set; }

        public FaceCredential? Face { get; set; }

        public List<ConsentRecord> Consents { get; } = [];
    }

    private sealed class VisitorCodeEntry(string codeHash, VisitorCodeCredential credential)
    {
        public string CodeHash { get; } = codeHash;

        public VisitorCodeCredential Credential { get; set; } = credential;
    }

    private sealed record PendingCard(CardCredential Card, DateTimeOffset Until);
}
