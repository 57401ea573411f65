namespace GateController.Service.Configuration;

/// <summary>The <c>face</c> section of a configuration file; left-out properties keep earlier values.</summary>
internal sealed class FaceConfigurationFile
{
    public bool? Enabled { get; set; }

    public string? ModelDirectory { get; set; }

    public string? ManifestPath { get; set; }

    public string? OnnxRuntimeLibraryPath { get; set; }

    public int? IntraOpThreadCount { get; set; }
}
