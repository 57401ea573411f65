namespace GateController.Service.Configuration;

/// <summary>One notice text file: its version, language and path (relative to the configuration file).</summary>
public sealed class NoticeFileEntry
{
    /// <summary>The notice version.</summary>
    public string? Version { get; set; }

    /// <summary>The language, e.g. "en".</summary>
    public string? Language { get; set; }

    /// <summary>The text file, relative to the configuration file.</summary>
    public string? File { get; set; }
}
