using GateController.Core.Credentials;
using GateController.Core.Residents;

namespace GateController.Core.Readers;

/// <summary>
/// A credential as a reader delivered it: a card identifier or the digits typed on a keypad.
/// Every reader family (Wiegand, MFRC522, USB keyboard-wedge, matrix keypad, simulation) produces this.
/// It carries the raw secret (UID, PIN digits) only as far as the access decision; it is never logged.
/// </summary>
public sealed class CredentialPresented
{
    private readonly byte[] _cardUid;

    private CredentialPresented(string readerId, CredentialKind kind, CardFormat cardFormat, byte[] cardUid, string digits, DateTimeOffset presentedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(readerId);
        ReaderId = readerId;
        Kind = kind;
        CardFormat = cardFormat;
        _cardUid = cardUid;
        Digits = digits;
        PresentedAt = presentedAt;
    }

    /// <summary>The configured name of the reader that produced this credential.</summary>
    public string ReaderId { get; }

    /// <summary>Card, PIN, visitor code or face.</summary>
    public CredentialKind Kind { get; }

    /// <summary>The card's format; meaningful only when <see cref="Kind"/> is <see cref="CredentialKind.Card"/>.</summary>
    public CardFormat CardFormat { get; }

    /// <summary>
    /// The card identifier bytes, most significant first. For Wiegand formats these are the data bits
    /// without parity (facility code then card number), packed big-endian into whole bytes.
    /// Empty unless <see cref="Kind"/> is <see cref="CredentialKind.Card"/>.
    /// </summary>
    public ReadOnlySpan<byte> CardUid => _cardUid;

    /// <summary>The digits typed (PIN or visitor code); empty for a card.</summary>
    public string Digits { get; }

    /// <summary>When the reader completed the credential (for Wiegand: the last edge's kernel timestamp).</summary>
    public DateTimeOffset PresentedAt { get; }

    /// <summary>
    /// For a face: the resident whose consented template the probe matched (the face pipeline matches only templates of
    /// residents with an active face consent). Null for every other kind. The probe itself (image, embedding) never
    /// travels with the credential.
    /// </summary>
    public ResidentId? FaceResident { get; private init; }

    /// <summary>For a face: whether the liveness check passed on the probe; false for every other kind.</summary>
    public bool FaceLivenessPassed { get; private init; }

    /// <summary>A card read by <paramref name="readerId"/>.</summary>
    public static CredentialPresented ForCard(string readerId, CardFormat format, ReadOnlySpan<byte> uid, DateTimeOffset presentedAt)
    {
        if (uid.IsEmpty)
        {
            throw new ArgumentException("a card identifier must not be empty", nameof(uid));
        }

        return new CredentialPresented(readerId, CredentialKind.Card, format, uid.ToArray(), string.Empty, presentedAt);
    }

    /// <summary>A PIN typed on <paramref name="readerId"/>.</summary>
    public static CredentialPresented ForPin(string readerId, string digits, DateTimeOffset presentedAt) =>
        new(readerId, CredentialKind.Pin, default, [], RequireDigits(digits), presentedAt);

    /// <summary>A visitor code typed on <paramref name="readerId"/>.</summary>
    public static CredentialPresented ForVisitorCode(string readerId, string digits, DateTimeOffset presentedAt) =>
        new(readerId, CredentialKind.VisitorCode, default, [], RequireDigits(digits), presentedAt);

    /// <summary>
    /// A face seen by the camera <paramref name="readerId"/> that matched <paramref name="resident"/>'s consented
    /// template; <paramref name="livenessPassed"/> says whether the probe passed the liveness check.
    /// </summary>
    public static CredentialPresented ForFace(string readerId, ResidentId resident, bool livenessPassed, DateTimeOffset presentedAt)
    {
        if (resident.Value is null)
        {
            throw new ArgumentException("a face credential must name the matched resident", nameof(resident));
        }

        return new CredentialPresented(readerId, CredentialKind.Face, default, [], string.Empty, presentedAt)
        {
            FaceResident = resident,
            FaceLivenessPassed = livenessPassed,
        };
    }

    /// <summary>The card identifier as upper-case hexadecimal, for the store's keyed hash and for tests; never log it.</summary>
    public string CardUidHex() => Convert.ToHexString(_cardUid);

    /// <inheritdoc />
    public override string ToString() => Kind == CredentialKind.Card
        ? $"{Kind} ({CardFormat}, {_cardUid.Length} bytes) from {ReaderId}"
        : Kind == CredentialKind.Face
            ? $"{Kind} from {ReaderId}"
            : $"{Kind} ({Digits.Length} digits) from {ReaderId}";

    private static string RequireDigits(string digits)
    {
        ArgumentException.ThrowIfNullOrEmpty(digits);
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                throw new ArgumentException("a PIN or visitor code holds only the digits 0-9", nameof(digits));
            }
        }

        return digits;
    }
}
