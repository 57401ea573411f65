using GateController.Core.Consents;

namespace GateController.Core.Privacy;

/// <summary>
/// The notices in the configuration: every version ever shown (so old consents can still be printed and checked)
/// and which version is in force. Built all-or-nothing by <see cref="TryCreate"/>: a notice missing a required item,
/// a repeated version and language, or a current version without a notice is reported and nothing is built.
/// </summary>
public sealed class ConsentNoticeCatalog
{
    private readonly List<ConsentNotice> _notices;

    private ConsentNoticeCatalog(List<ConsentNotice> notices, string currentVersion)
    {
        _notices = notices;
        CurrentVersion = currentVersion;
        Current = notices.Where(n => string.Equals(n.Version, currentVersion, StringComparison.Ordinal)).ToList();
    }

    /// <summary>The version in force.</summary>
    public string CurrentVersion { get; }

    /// <summary>The notices in force, one per language.</summary>
    public IReadOnlyList<ConsentNotice> Current { get; }

    /// <summary>Every notice, current and earlier.</summary>
    public IReadOnlyList<ConsentNotice> All => _notices;

    /// <summary>
    /// Builds the catalog, or returns false with every problem (one message each): notices that fail
    /// <see cref="ConsentNoticeValidator"/>, repeated version and language pairs, and a current version no notice has.
    /// </summary>
    public static bool TryCreate(IEnumerable<ConsentNotice> notices, string currentVersion, out ConsentNoticeCatalog? catalog, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(notices);
        var list = notices.ToList();
        var found = new List<string>();
        foreach (var notice in list)
        {
            ArgumentNullException.ThrowIfNull(notice, nameof(notices));
            found.AddRange(ConsentNoticeValidator.Validate(notice));
        }

        foreach (var repeated in list.GroupBy(n => (n.Version, n.Language)).Where(g => g.Count() > 1))
        {
            found.Add($"notice {repeated.Key.Version} ({repeated.Key.Language}) is configured {repeated.Count()} times; give each text its own version");
        }

        if (!ConsentNotice.IsVersion(currentVersion, out var versionProblem))
        {
            found.Add($"current notice version: {versionProblem}");
        }
        else if (!list.Any(n => string.Equals(n.Version, currentVersion, StringComparison.Ordinal)))
        {
            found.Add($"current notice version {currentVersion}: no notice text has that version");
        }

        problems = found;
        catalog = found.Count == 0 ? new ConsentNoticeCatalog(list, currentVersion) : null;
        return catalog is not null;
    }

    /// <summary>The current notice in <paramref name="language"/>, or null when there is none.</summary>
    public ConsentNotice? FindCurrent(string language) =>
        Current.FirstOrDefault(n => string.Equals(n.Language, language, StringComparison.OrdinalIgnoreCase));

    /// <summary>The notice <paramref name="consent"/> names (same version and hash), or null when the catalog lacks it.</summary>
    public ConsentNotice? FindNamedBy(ConsentRecord consent)
    {
        ArgumentNullException.ThrowIfNull(consent);
        return _notices.FirstOrDefault(n => n.IsNamedBy(consent));
    }

    /// <summary>The notice with <paramref name="version"/> whose hash is <paramref name="sha256"/> (lower-case hexadecimal), or null.</summary>
    public ConsentNotice? Find(string version, string sha256) =>
        _notices.FirstOrDefault(n => string.Equals(n.Version, version, StringComparison.Ordinal) && string.Equals(n.Sha256, sha256, StringComparison.Ordinal));
}
