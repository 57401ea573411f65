namespace GateController.Service.Configuration;

/// <summary>One notice text file: its version, language and path (relative to the configuration file).</summary>
internal sealed class NoticeFileEntry
{
    public string? Version { get; set; }

    public string? Language { get; set; }

    public string? File { get; set; }
}
