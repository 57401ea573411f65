using System.Security.Cryptography;
using System.Text;
using GateController.Core.Residents;

namespace GateController.Core.Consents;

/// <summary>
/// A separate consent (PIPL art. 29, rule P3): who gave it, for what, after which notice text, how, witnessed by
/// which operator, and when it was withdrawn. <see cref="ToString"/> names no guardian and no operator.
/// </summary>
public sealed record ConsentRecord
{
    /// <summary>Length in characters of <see cref="NoticeSha256"/>: 32 bytes as hexadecimal.</summary>
    public const int NoticeSha256Length = 64;

    /// <summary>The resident who consented.</summary>
    public required ResidentId ResidentId { get; init; }

    /// <summary>What the consent covers.</summary>
    public required ConsentKind Kind { get; init; }

    /// <summary>The version label of the notice shown, for example "2026-01".</summary>
    public required string NoticeVersion { get; init; }

    /// <summary>SHA-256 of the notice text (UTF-8) as lower-case hexadecimal; see <see cref="HashNotice"/>.</summary>
    public required string NoticeSha256 { get; init; }

    /// <summary>How the consent was given.</summary>
    public required ConsentChannel Channel { get; init; }

    /// <summary>The number printed on the signed paper form; required when <see cref="Channel"/> is <see cref="ConsentChannel.Office"/>.</summary>
    public string? FormNumber { get; init; }

    /// <summary>The guardian who consented for a minor; required when the resident is a minor. Kept on the unit only.</summary>
    public string? Guardian { get; init; }

    /// <summary>The operator who recorded the consent.</summary>
    public required string Operator { get; init; }

    /// <summary>When the consent was given.</summary>
    public required DateTimeOffset GivenAt { get; init; }

    /// <summary>When the consent was withdrawn, if it was.</summary>
    public DateTimeOffset? WithdrawnAt { get; init; }

    /// <summary>How the consent was withdrawn; set exactly when <see cref="WithdrawnAt"/> is.</summary>
    public ConsentChannel? WithdrawalChannel { get; init; }

    /// <summary>SHA-256 of <paramref name="noticeText"/> encoded as UTF-8, lower-case hexadecimal.</summary>
    public static string HashNotice(string noticeText)
    {
        ArgumentNullException.ThrowIfNull(noticeText);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(noticeText)));
    }

    /// <summary>True when <paramref name="noticeText"/> is the text this consent was given after.</summary>
    public bool IsForNotice(string noticeText) => string.Equals(HashNotice(noticeText), NoticeSha256, StringComparison.Ordinal);

    /// <summary>True when the consent had been given and not withdrawn at <paramref name="at"/>.</summary>
    public bool IsActiveAt(DateTimeOffset at) => at >= GivenAt && (WithdrawnAt is not { } withdrawn || at < withdrawn);

    /// <summary>The same consent, withdrawn at <paramref name="at"/> through <paramref name="channel"/>.</summary>
    public ConsentRecord Withdraw(DateTimeOffset at, ConsentChannel channel)
    {
        if (WithdrawnAt is not null)
        {
            throw new InvalidOperationException("the consent is already withdrawn");
        }

        if (at < GivenAt)
        {
            throw new ArgumentOutOfRangeException(nameof(at), "a consent cannot be withdrawn before it was given");
        }

        return this with { WithdrawnAt = at, WithdrawalChannel = channel };
    }

    /// <summary>Every problem with this record for <paramref name="resident"/>, one message per problem naming the field.</summary>
    public IReadOnlyList<string> Validate(Resident resident)
    {
        ArgumentNullException.ThrowIfNull(resident);
        var problems = new List<string>();
        if (resident.Id != ResidentId)
        {
            problems.Add($"{nameof(ResidentId)}: the consent is for {ResidentId}, not for {resident.Id}");
        }

        if (!Enum.IsDefined(Kind))
        {
            problems.Add($"{nameof(Kind)}: {(int)Kind} is not a consent kind");
        }

        if (string.IsNullOrWhiteSpace(NoticeVersion))
        {
            problems.Add($"{nameof(NoticeVersion)}: must name the notice version shown");
        }

        if (!IsLowerHex(NoticeSha256, NoticeSha256Length))
        {
            problems.Add($"{nameof(NoticeSha256)}: must be {NoticeSha256Length} lower-case hexadecimal characters (SHA-256 of the notice text)");
        }

        if (!Enum.IsDefined(Channel))
        {
            problems.Add($"{nameof(Channel)}: {(int)Channel} is not a consent channel");
        }
        else if (Channel == ConsentChannel.Office && string.IsNullOrWhiteSpace(FormNumber))
        {
            problems.Add($"{nameof(FormNumber)}: a consent given at the office needs the signed form's number");
        }

        if (resident.IsMinor && string.IsNullOrWhiteSpace(Guardian))
        {
            problems.Add($"{nameof(Guardian)}: {ResidentId} is a minor; a guardian must give the consent");
        }

        if (string.IsNullOrWhiteSpace(Operator))
        {
            problems.Add($"{nameof(Operator)}: must name the operator who recorded the consent");
        }

        if (WithdrawnAt is { } withdrawn && withdrawn < GivenAt)
        {
            problems.Add($"{nameof(WithdrawnAt)}: {withdrawn:O} is before {nameof(GivenAt)} {GivenAt:O}");
        }

        if ((WithdrawnAt is null) != (WithdrawalChannel is null))
        {
            problems.Add($"{nameof(WithdrawalChannel)}: must be set exactly when {nameof(WithdrawnAt)} is set");
        }

        return problems;
    }

    /// <inheritdoc />
    public override string ToString() =>
        WithdrawnAt is { } withdrawn
            ? $"{Kind} consent of {ResidentId}, notice {NoticeVersion}, given {GivenAt:O} via {Channel}, withdrawn {withdrawn:O} via {WithdrawalChannel}"
            : $"{Kind} consent of {ResidentId}, notice {NoticeVersion}, given {GivenAt:O} via {Channel}";

    private static bool IsLowerHex(string? text, int length)
    {
        if (text is null || text.Length != length)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }
}
