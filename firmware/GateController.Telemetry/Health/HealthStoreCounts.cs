namespace GateController.Telemetry.Health;

/// <summary>How much the store holds; counts only.</summary>
public sealed record HealthStoreCounts
{
    /// <summary>The CAC filing threshold for face templates.</summary>
    public const int FaceTemplateFilingThreshold = 100_000;

    /// <summary>From this many face templates on, health carries a warning.</summary>
    public const int FaceTemplateWarningThreshold = 90_000;

    /// <summary>Residents.</summary>
    public int Residents { get; init; }

    /// <summary>Cards.</summary>
    public int Cards { get; init; }

    /// <summary>Face templates.</summary>
    public int FaceTemplates { get; init; }

    /// <summary>Active face consents.</summary>
    public int ActiveConsents { get; init; }

    /// <summary>A warning as face templates near the 100,000 filing threshold; null when far from it.</summary>
    public string? FaceTemplateWarning => FaceTemplates >= FaceTemplateWarningThreshold
        ? $"{FaceTemplates} face templates: the filing threshold is {FaceTemplateFilingThreshold}"
        : null;
}
