using GateController.Core.Privacy;

namespace GateController.Core.Tests.Privacy;

public sealed class FaceTemplateScaleTests
{
    [Theory]
    [InlineData(0L, FaceTemplateScaleLevel.None)]
    [InlineData(1_000L, FaceTemplateScaleLevel.None)]
    [InlineData(79_999L, FaceTemplateScaleLevel.None)]
    [InlineData(80_000L, FaceTemplateScaleLevel.Warning)]
    [InlineData(99_999L, FaceTemplateScaleLevel.Warning)]
    [InlineData(100_000L, FaceTemplateScaleLevel.Limit)]
    [InlineData(250_000L, FaceTemplateScaleLevel.Limit)]
    public void Evaluate_Count_Level(long count, FaceTemplateScaleLevel level)
    {
        var scale = FaceTemplateScale.Evaluate(count);

        Assert.Equal(level, scale.Level);
        Assert.Equal(count, scale.TemplateCount);
        if (level == FaceTemplateScaleLevel.None)
        {
            Assert.Null(scale.Message);
        }
        else
        {
            Assert.Contains(count.ToString(System.Globalization.CultureInfo.InvariantCulture), scale.Message, StringComparison.Ordinal);
            Assert.Contains("100000", scale.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Evaluate_Limit_SaysFilingIsNeeded()
    {
        Assert.Contains("file with the cyberspace authority", FaceTemplateScale.Evaluate(100_000).Message, StringComparison.Ordinal);
        Assert.Contains("80 %", FaceTemplateScale.Evaluate(80_000).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FaceTemplateScale.Evaluate(-1));
    }
}
