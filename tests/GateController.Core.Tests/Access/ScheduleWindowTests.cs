using GateController.Core.Access;

namespace GateController.Core.Tests.Access;

public sealed class ScheduleWindowTests
{
    [Theory]
    [InlineData("08:00-18:00", 480, 1080)]
    [InlineData("00:00-24:00", 0, 1440)]
    [InlineData(" 07:30 - 09:15 ", 450, 555)]
    [InlineData("18:00-08:00", 1080, 480)]
    public void TryParse_WellFormedText_ReturnsMinutes(string text, int start, int end)
    {
        Assert.True(ScheduleWindow.TryParse(text, out var window));
        Assert.Equal(new ScheduleWindow(start, end), window);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("08:00")]
    [InlineData("8:00-18:00")]
    [InlineData("08:60-09:00")]
    [InlineData("24:01-24:00")]
    [InlineData("25:00-26:00")]
    [InlineData("08:00-09:00-10:00")]
    [InlineData("-8:00-09:00")]
    public void TryParse_Malformed_ReturnsFalse(string? text) =>
        Assert.False(ScheduleWindow.TryParse(text, out _));

    [Theory]
    [InlineData(480, 1080, null)]
    [InlineData(0, 1440, null)]
    [InlineData(1080, 480, "start 18:00 is not before end 08:00")]
    [InlineData(600, 600, "start 10:00 is not before end 10:00")]
    [InlineData(1440, 1440, "start minute 1440 is outside 0-1439")]
    [InlineData(0, 0, "end minute 0 is outside 1-1440")]
    public void Problem_Window_DescribesIt(int start, int end, string? expected) =>
        Assert.Equal(expected, new ScheduleWindow(start, end).Problem);

    [Fact]
    public void ToString_Window_IsHoursAndMinutes() =>
        Assert.Equal("07:05-24:00", new ScheduleWindow(425, 1440).ToString());
}
