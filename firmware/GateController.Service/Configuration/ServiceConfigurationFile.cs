using GateController.Service.Admin;

namespace GateController.Service.Configuration;

/// <summary>One JSON configuration file of gatecontrollerd; properties a file leaves out keep earlier values.</summary>
internal sealed class ServiceConfigurationFile
{
    public string? DataDirectory { get; set; }

    public string? KeyFile { get; set; }

    public string? AdminSocket { get; set; }

    public string? AdminSocketGroup { get; set; }

    public List<AdminOperator>? Operators { get; set; }

    public ConsentConfigurationFile? Consent { get; set; }

    public FaceConfigurationFile? Face { get; set; }
}
