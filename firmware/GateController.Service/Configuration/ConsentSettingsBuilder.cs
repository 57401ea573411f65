using GateController.Core.Privacy;
using GateController.Service.Admin;

namespace GateController.Service.Configuration;

/// <summary>Builds the admin API's consent settings from the <c>Consent</c> section: the notice texts and receipt wording.</summary>
public static class ConsentSettingsBuilder
{
    /// <summary>The consent settings, or null when the section is absent or has problems (added to <paramref name="problems"/>).</summary>
    /// <param name="consent">The section.</param>
    /// <param name="baseDirectory">The directory relative notice files are read from.</param>
    /// <param name="problems">Receives every problem.</param>
    public static AdminConsentSettings? Build(ConsentConfigurationFile? consent, string? baseDirectory, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (consent is null)
        {
            return null;
        }

        var notices = new List<ConsentNotice>();
        foreach (var entry in consent.Notices ?? [])
        {
            var file = entry.File is null ? null : Path.Combine(baseDirectory ?? string.Empty, entry.File);
            if (file is null || entry.Version is null || entry.Language is null)
            {
                problems.Add("Consent:Notices: every notice needs version, language and file");
                continue;
            }

            try
            {
                notices.Add(new ConsentNotice(entry.Version, entry.Language, File.ReadAllText(file)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
            {
                problems.Add($"Consent:Notices: notice {entry.Version} ({entry.Language}) from {file}: {ex.Message}");
            }
        }

        var receipt = new ConsentReceiptOptions { ProcessorName = consent.ProcessorName ?? string.Empty, OfficeContact = consent.OfficeContact ?? string.Empty };
        problems.AddRange(receipt.Validate().Select(p => $"Consent:{p}"));
        if (!ConsentNoticeCatalog.TryCreate(notices, consent.CurrentNoticeVersion ?? string.Empty, out var catalog, out var catalogProblems))
        {
            problems.AddRange(catalogProblems.Select(p => $"Consent: {p}"));
            return null;
        }

        return new AdminConsentSettings(catalog!, receipt);
    }
}
