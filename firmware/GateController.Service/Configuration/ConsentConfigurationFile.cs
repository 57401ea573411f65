namespace GateController.Service.Configuration;

/// <summary>The consent part of a configuration file: notice texts, the version in force, and receipt wording.</summary>
internal sealed class ConsentConfigurationFile
{
    public string? CurrentNoticeVersion { get; set; }

    public List<NoticeFileEntry>? Notices { get; set; }

    public string? ProcessorName { get; set; }

    public string? OfficeContact { get; set; }
}
