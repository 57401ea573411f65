namespace GateController.Core.Privacy;

/// <summary>
/// The face-template scale warning shown by status and health: at 80 % and 100 % of 100,000 stored face
/// templates, the number at which the CAC face-recognition measures ask for a filing with the authority.
/// </summary>
/// <param name="Level">None, Warning or Limit.</param>
/// <param name="TemplateCount">The templates counted.</param>
/// <param name="Message">One line for status and health; null when <see cref="Level"/> is None.</param>
public sealed record FaceTemplateScale(FaceTemplateScaleLevel Level, long TemplateCount, string? Message)
{
    /// <summary>Stored face templates at which a filing is required.</summary>
    public const long FilingThreshold = 100_000;

    /// <summary>Percentage of <see cref="FilingThreshold"/> at which the warning starts.</summary>
    public const int WarningPercent = 80;

    /// <summary>Templates at which the warning starts: 80,000.</summary>
    public const long WarningThreshold = FilingThreshold * WarningPercent / 100;

    /// <summary>Evaluates <paramref name="templateCount"/>; throws for a negative count.</summary>
    public static FaceTemplateScale Evaluate(long templateCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(templateCount);
        var percent = templateCount * 100 / FilingThreshold;
        if (templateCount >= FilingThreshold)
        {
            return new FaceTemplateScale(
                FaceTemplateScaleLevel.Limit,
                templateCount,
                $"face templates: {templateCount} stored, {percent} % of {FilingThreshold}; the filing threshold is reached — file with the cyberspace authority before enrolling more");
        }

        if (templateCount >= WarningThreshold)
        {
            return new FaceTemplateScale(
                FaceTemplateScaleLevel.Warning,
                templateCount,
                $"face templates: {templateCount} stored, {percent} % of the {FilingThreshold} filing threshold");
        }

        return new FaceTemplateScale(FaceTemplateScaleLevel.None, templateCount, null);
    }
}
