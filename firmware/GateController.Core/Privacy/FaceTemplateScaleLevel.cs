namespace GateController.Core.Privacy;

/// <summary>How close the stored face templates are to the filing threshold.</summary>
public enum FaceTemplateScaleLevel
{
    /// <summary>Below the warning level.</summary>
    None = 0,

    /// <summary>At or above 80 % of the threshold.</summary>
    Warning = 1,

    /// <summary>At or above the threshold.</summary>
    Limit = 2,
}
