using GateController.Core.Credentials;
using GateController.Core.Events;
using GateController.Core.Readers;
using GateController.Core.Residents;

namespace GateController.Core.Access;

/// <summary>
/// One door's access decisions over an <see cref="IAccessDirectory"/>: for each credential a reader delivers it asks the
/// directory what was presented (a card, a PIN — checked as typed, then as a visitor code, then in its duress form —, a
/// visitor code, a face, or a card's second factor), adds the keypad lockout from its <see cref="PinAttemptTracker"/>,
/// lets <see cref="AccessPolicy.Decide"/> judge it under the holder's door policy, counts a visitor code's use, and
/// remembers a card that waits for its holder's PIN (per reader) or face (per door).
/// A face is re-checked at decision time: its resident must exist, be active and hold an active face consent and a
/// template, otherwise it is an unknown credential naming nobody (P5).
/// Not thread-safe: the door path's decision loop calls it, one credential at a time.
/// </summary>
public sealed class AccessGate
{
    private readonly IAccessDirectory _directory;
    private readonly DoorPolicy _defaultPolicy;
    private readonly IReadOnlyDictionary<string, DoorPolicy> _groupPolicies;
    private readonly TimeProvider _timeProvider;
    private readonly PinAttemptTracker _pinAttempts;
    private readonly DuressPinTransformation _duressTransformation;
    private readonly TimeSpan _pinAfterCardTimeout;
    private readonly TimeSpan _faceAfterCardTimeout;
    private readonly Dictionary<string, PendingCard> _cardsAwaitingPin = new(StringComparer.Ordinal);
    private PendingCard? _cardAwaitingFace;

    /// <summary>Creates the gate.</summary>
    /// <param name="directory">Residents and credentials.</param>
    /// <param name="options">Policies and settings; validated.</param>
    /// <param name="timeProvider">The clock decisions, lockouts and second-factor waits run on.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> has problems; the message lists every one.</exception>
    public AccessGate(IAccessDirectory directory, AccessGateOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("access gate: " + string.Join("; ", problems), nameof(options));
        }

        _directory = directory;
        _defaultPolicy = options.DefaultPolicy!;
        _groupPolicies = new Dictionary<string, DoorPolicy>(options.GroupPolicies, StringComparer.Ordinal);
        _timeProvider = timeProvider;
        _pinAttempts = new PinAttemptTracker(timeProvider, options.PinAttempts);
        _duressTransformation = options.PinAttempts.DuressTransformation;
        _pinAfterCardTimeout = options.PinAfterCardTimeout;
        _faceAfterCardTimeout = options.FaceAfterCardTimeout;
    }

    /// <summary>The door this gate decides for.</summary>
    public DoorId DoorId => _defaultPolicy.DoorId;

    /// <summary>The door's default policy.</summary>
    public DoorPolicy DefaultPolicy => _defaultPolicy;

    /// <summary>The access groups this gate has a policy for.</summary>
    public IEnumerable<string> AccessGroups => _groupPolicies.Keys;

    /// <summary>The keypad lockout tracker (thread-safe), for status displays.</summary>
    public PinAttemptTracker PinAttempts => _pinAttempts;

    /// <summary>True when a card presented at <paramref name="readerId"/> still waits for its holder's PIN.</summary>
    public bool IsAwaitingPin(string readerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(readerId);
        return _cardsAwaitingPin.TryGetValue(readerId, out var pending) && pending.Until > _timeProvider.GetUtcNow();
    }

    /// <summary>
    /// The holder of the card that waits for a face at this card+face door, or null: the face pipeline verifies 1:1
    /// against this resident's template.
    /// </summary>
    public ResidentId? CardAwaitingFace =>
        _cardAwaitingFace is { } pending && pending.Until > _timeProvider.GetUtcNow() ? pending.Card.ResidentId : null;

    /// <summary>
    /// Decides on <paramref name="credential"/>: the decision, the alarms it raised, a visitor code's use counted, a
    /// second-factor wait remembered. A holder in an access group this door has no policy for is refused with
    /// <see cref="AccessReason.AccessGroupUnknown"/> (never given the default policy).
    /// </summary>
    public GateDecision Decide(CredentialPresented credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var now = _timeProvider.GetUtcNow();
        var resolution = Resolve(credential, now);
        var presented = resolution.Presented;
        var lookup = resolution.Lookup with { KeypadLockedOut = presented.UsesKeypad && _pinAttempts.IsLockedOut(credential.ReaderId) };
        var policy = _defaultPolicy;
        var groupUnknown = false;
        if (resolution.AccessGroup is { } group)
        {
            if (_groupPolicies.TryGetValue(group, out var groupPolicy))
            {
                policy = groupPolicy;
            }
            else
            {
                groupUnknown = true;
            }
        }

        var decision = AccessPolicy.Decide(presented, lookup, policy, now);
        if (groupUnknown)
        {
            // Judged under the default policy only to name the method; the door stays shut.
            decision = new AccessDecision(AccessReason.AccessGroupUnknown, decision.Method, decision.ResidentId, false);
        }

        if (decision.IsGranted && lookup.Credential is VisitorCodeCredential && !_directory.TryConsumeVisitorCode(credential.Digits, now))
        {
            // Another door used the last use between the lookup and now.
            decision = new AccessDecision(AccessReason.VisitorCodeUsedUp, decision.Method, decision.ResidentId, false);
        }

        var alarm = _pinAttempts.Record(policy.DoorId, credential.ReaderId, presented, decision);
        if (decision.Reason == AccessReason.SecondFactorRequired && lookup.Credential is CardCredential card)
        {
            if (decision.Method == AccessMethods.CardAndPin)
            {
                _cardsAwaitingPin[credential.ReaderId] = new PendingCard(card, now + _pinAfterCardTimeout);
            }
            else if (decision.Method == AccessMethods.CardAndFace)
            {
                _cardAwaitingFace = new PendingCard(card, now + _faceAfterCardTimeout);
            }
        }

        return new GateDecision(DoorId, now, decision, alarm is null ? [] : [alarm]);
    }

    private Resolution Resolve(CredentialPresented credential, DateTimeOffset now)
    {
        var pendingPin = TakeCardAwaitingPin(credential, now);
        switch (credential.Kind)
        {
            case CredentialKind.Card:
                _cardAwaitingFace = null;
                var card = _directory.FindCard(credential.CardFormat, credential.CardUid);
                return card is null ? NotFound(PresentedCredential.Card()) : Found(PresentedCredential.Card(), card, now);
            case CredentialKind.Pin when pendingPin is not null:
                return ResolvePinAfterCard(pendingPin, credential.Digits, now);
            case CredentialKind.Pin:
                return ResolvePin(credential.Digits, now);
            case CredentialKind.VisitorCode:
                var code = _directory.FindVisitorCode(credential.Digits);
                return code is null ? NotFound(PresentedCredential.VisitorCode()) : Found(PresentedCredential.VisitorCode(), code, now);
            case CredentialKind.Face:
                return ResolveFace(credential, now);
            default:
                return NotFound(PresentedCredential.From(credential));
        }
    }

    private PendingCard? TakeCardAwaitingPin(CredentialPresented credential, DateTimeOffset now)
    {
        if (credential.Kind == CredentialKind.Face || !_cardsAwaitingPin.Remove(credential.ReaderId, out var pending))
        {
            return null;
        }

        // A new card or a visitor code cancels the wait; only a PIN in time completes it.
        return credential.Kind == CredentialKind.Pin && pending.Until > now ? pending : null;
    }

    private Resolution ResolvePin(string digits, DateTimeOffset now)
    {
        if (_directory.FindPinHolder(digits) is { } pin)
        {
            return Found(PresentedCredential.Pin(), pin, now);
        }

        // Digits that are no PIN may be a visitor code: keypads do not tell the two apart. Checked before the duress
        // form, so a visitor's code never raises a duress alarm.
        if (_directory.FindVisitorCode(digits) is { } code)
        {
            return Found(PresentedCredential.VisitorCode(), code, now);
        }

        Span<char> reverted = stackalloc char[digits.Length];
        if (DuressPins.TryRevert(digits, _duressTransformation, reverted) && _directory.FindPinHolder(new string(reverted)) is { } duressPin)
        {
            var found = Found(PresentedCredential.Pin(), duressPin, now);
            return found with { Lookup = found.Lookup with { IsDuressPin = found.Lookup.IsFound } };
        }

        return NotFound(PresentedCredential.Pin());
    }

    private Resolution ResolvePinAfterCard(PendingCard pending, string digits, DateTimeOffset now)
    {
        var holder = pending.Card.ResidentId;
        var outcome = SecondFactorOutcome.Mismatched;
        var duress = false;
        if (_directory.VerifyPin(holder, digits))
        {
            outcome = SecondFactorOutcome.Matched;
        }
        else
        {
            Span<char> reverted = stackalloc char[digits.Length];
            if (DuressPins.TryRevert(digits, _duressTransformation, reverted) && _directory.VerifyPin(holder, new string(reverted)))
            {
                outcome = SecondFactorOutcome.Matched;
                duress = true;
            }
        }

        var found = Found(PresentedCredential.CardWithPin(), pending.Card, now);
        return found with { Lookup = found.Lookup with { SecondFactor = outcome, IsDuressPin = duress } };
    }

    private Resolution ResolveFace(CredentialPresented credential, DateTimeOffset now)
    {
        var presentedFace = PresentedCredential.Face(credential.FaceLivenessPassed);
        if (credential.FaceResident is not { } residentId)
        {
            return NotFound(presentedFace);
        }

        if (_cardAwaitingFace is { } pending && pending.Until > now && pending.Card.ResidentId == residentId)
        {
            // The face of the card's holder, seen while the card waits: the card's second factor.
            _cardAwaitingFace = null;
            var found = Found(PresentedCredential.CardWithFace(credential.FaceLivenessPassed), pending.Card, now);
            return found with { Lookup = found.Lookup with { SecondFactor = SecondFactorOutcome.Matched } };
        }

        // Re-checked now: the probe matched a template, but the resident may have moved out or withdrawn since.
        var entry = _directory.FindResident(residentId);
        if (entry is null || entry.Resident.Status != ResidentStatus.Active || !_directory.HasActiveFaceConsent(residentId, now))
        {
            return NotFound(presentedFace);
        }

        var face = _directory.FindFace(residentId);
        return face is null || face.ResidentId != residentId
            ? NotFound(presentedFace)
            : new Resolution(presentedFace, CredentialLookup.Found(entry.Resident, face) with { HasActiveFaceConsent = true }, entry.AccessGroup);
    }

    private Resolution Found(PresentedCredential presented, CredentialRecord credential, DateTimeOffset now)
    {
        var entry = _directory.FindResident(credential.ResidentId);
        if (entry is null)
        {
            return NotFound(presented);
        }

        var lookup = CredentialLookup.Found(entry.Resident, credential) with
        {
            HasActiveFaceConsent = _directory.HasActiveFaceConsent(entry.Resident.Id, now),
        };
        return new Resolution(presented, lookup, entry.AccessGroup);
    }

    private static Resolution NotFound(PresentedCredential presented) => new(presented, CredentialLookup.NotFound, null);

    private readonly record struct Resolution(PresentedCredential Presented, CredentialLookup Lookup, string? AccessGroup);

    private sealed record PendingCard(CardCredential Card, DateTimeOffset Until);
}
