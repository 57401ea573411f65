using System.Text;
using GateController.Core.Consents;

namespace GateController.Core.Privacy;

/// <summary>
/// One version of the face-recognition notice in one language (PIPL art. 17 / 30). The text is normalised when the
/// notice is created: a leading byte-order mark (U+FEFF) is removed and every line ending (CR LF or a lone CR) becomes
/// LF; nothing else changes. <see cref="Sha256"/> is SHA-256 of the normalised text encoded as UTF-8, lower-case
/// hexadecimal — the value <see cref="ConsentRecord.HashNotice"/> computes for <see cref="Text"/> — so the same notice
/// edited on Windows or Linux hashes the same.
/// </summary>
public sealed class ConsentNotice
{
    /// <summary>Hexadecimal characters of <see cref="ShortSha256"/>.</summary>
    public const int ShortSha256Length = 16;

    /// <summary>The longest version label accepted.</summary>
    public const int MaximumVersionLength = 32;

    /// <summary>Creates a notice; throws <see cref="ArgumentException"/> for an empty text or a malformed version or language.</summary>
    /// <param name="version">The version label, for example "2026-01": 1–32 characters of letters, digits, '.', '-' or '_'.</param>
    /// <param name="language">A language tag such as "zh" or "en" (letters, digits and '-').</param>
    /// <param name="text">The notice text in the format <see cref="ConsentNoticeValidator"/> checks.</param>
    public ConsentNotice(string version, string language, string text)
    {
        if (!IsVersion(version, out var versionProblem))
        {
            throw new ArgumentException(versionProblem, nameof(version));
        }

        if (!IsLanguage(language))
        {
            throw new ArgumentException($"notice language '{language}' is not a language tag such as 'zh' or 'en'", nameof(language));
        }

        ArgumentNullException.ThrowIfNull(text);
        var normalised = Normalize(text);
        if (string.IsNullOrWhiteSpace(normalised))
        {
            throw new ArgumentException($"notice {version} ({language}) has no text", nameof(text));
        }

        Version = version;
        Language = language;
        Text = normalised;
        Sha256 = ConsentRecord.HashNotice(normalised);
    }

    /// <summary>The version label a consent names.</summary>
    public string Version { get; }

    /// <summary>The language tag.</summary>
    public string Language { get; }

    /// <summary>The normalised text (LF line endings, no byte-order mark).</summary>
    public string Text { get; }

    /// <summary>SHA-256 of <see cref="Text"/> as UTF-8, 64 lower-case hexadecimal characters.</summary>
    public string Sha256 { get; }

    /// <summary>The first 16 characters of <see cref="Sha256"/>, for printed receipts and screens.</summary>
    public string ShortSha256 => Sha256[..ShortSha256Length];

    /// <summary>Removes a leading byte-order mark and turns CR LF and lone CR line endings into LF.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        if (text.IndexOf('\r', start) < 0)
        {
            return start == 0 ? text : text[start..];
        }

        var builder = new StringBuilder(text.Length);
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>True when <paramref name="consent"/> names this exact notice: same version and same hash.</summary>
    public bool IsNamedBy(ConsentRecord consent)
    {
        ArgumentNullException.ThrowIfNull(consent);
        return string.Equals(consent.NoticeVersion, Version, StringComparison.Ordinal)
            && string.Equals(consent.NoticeSha256, Sha256, StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public override string ToString() => $"notice {Version} ({Language}) sha256 {ShortSha256}";

    internal static bool IsVersion(string? version, out string? problem)
    {
        if (string.IsNullOrEmpty(version))
        {
            problem = "a notice version must not be empty";
            return false;
        }

        if (version.Length > MaximumVersionLength)
        {
            problem = $"notice version '{version}' is longer than {MaximumVersionLength} characters";
            return false;
        }

        foreach (var c in version)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '-' or '_'))
            {
                problem = $"notice version '{version}' may only hold letters, digits, '.', '-' and '_'";
                return false;
            }
        }

        problem = null;
        return true;
    }

    private static bool IsLanguage(string? language)
    {
        if (string.IsNullOrEmpty(language) || language.Length > 16 || !char.IsAsciiLetter(language[0]) || language[^1] == '-')
        {
            return false;
        }

        foreach (var c in language)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}
