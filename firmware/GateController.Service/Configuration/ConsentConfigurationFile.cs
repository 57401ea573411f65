namespace GateController.Service.Configuration;

/// <summary>The <c>Consent</c> section: notice texts, the version in force, and receipt wording.</summary>
public sealed class ConsentConfigurationFile
{
    /// <summary>The notice version residents consent to now.</summary>
    public string? CurrentNoticeVersion { get; set; }

    /// <summary>The notice texts, by version and language.</summary>
    public List<NoticeFileEntry>? Notices { get; set; }

    /// <summary>The processor named on receipts.</summary>
    public string? ProcessorName { get; set; }

    /// <summary>Where residents ask about their data.</summary>
    public string? OfficeContact { get; set; }
}
