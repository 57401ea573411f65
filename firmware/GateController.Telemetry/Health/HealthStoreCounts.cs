using GateController.Core.Privacy;

namespace GateController.Telemetry.Health;

/// <summary>How much the store holds; counts only.</summary>
public sealed record HealthStoreCounts
{
    /// <summary>The CAC filing threshold for face templates.</summary>
    public const int FaceTemplateFilingThreshold = (int)FaceTemplateScale.FilingThreshold;

    /// <summary>From this many face templates on (80 % of the filing threshold), health carries a warning.</summary>
    public const int FaceTemplateWarningThreshold = (int)FaceTemplateScale.WarningThreshold;

    /// <summary>Residents.</summary>
    public int Residents { get; init; }

    /// <summary>Cards.</summary>
    public int Cards { get; init; }

    /// <summary>Face templates.</summary>
    public int FaceTemplates { get; init; }

    /// <summary>Active face consents.</summary>
    public int ActiveConsents { get; init; }

    /// <summary>How close the face templates are to the filing threshold (None, Warning at 80 %, Limit at 100 %).</summary>
    public FaceTemplateScaleLevel FaceTemplateLevel => FaceTemplateScale.Evaluate(Math.Max(0, FaceTemplates)).Level;

    /// <summary>A warning at 80 % and 100 % of the 100,000 filing threshold; null below.</summary>
    public string? FaceTemplateWarning => FaceTemplateScale.Evaluate(Math.Max(0, FaceTemplates)).Message;
}
