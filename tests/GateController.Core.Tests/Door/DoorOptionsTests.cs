using GateController.Core.Door;

namespace GateController.Core.Tests.Door;

public sealed class DoorOptionsTests
{
    [Fact]
    public void Validate_Defaults_NoProblems() => Assert.Empty(new DoorOptions().Validate());

    [Theory]
    [InlineData(nameof(DoorOptions.PulseDuration), 0)]
    [InlineData(nameof(DoorOptions.PulseDuration), -1)]
    [InlineData(nameof(DoorOptions.PulseDuration), 301)]
    [InlineData(nameof(DoorOptions.HeldOpenThreshold), 0)]
    [InlineData(nameof(DoorOptions.HeldOpenThreshold), 3601)]
    [InlineData(nameof(DoorOptions.FeedbackDuration), 0)]
    [InlineData(nameof(DoorOptions.FeedbackDuration), 11)]
    [InlineData(nameof(DoorOptions.ManualReleaseLimit), 0)]
    [InlineData(nameof(DoorOptions.ManualReleaseLimit), 86401)]
    public void Validate_DurationOutOfRange_OneProblemNamingSetting(string setting, int seconds)
    {
        var options = new DoorOptions();
        typeof(DoorOptions).GetProperty(setting)!.SetValue(options, TimeSpan.FromSeconds(seconds));

        var problem = Assert.Single(options.Validate());

        Assert.StartsWith(setting, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(DoorOptions.PulseDuration), 300)]
    [InlineData(nameof(DoorOptions.HeldOpenThreshold), 3600)]
    [InlineData(nameof(DoorOptions.FeedbackDuration), 10)]
    [InlineData(nameof(DoorOptions.ManualReleaseLimit), 86400)]
    public void Validate_DurationAtMaximum_NoProblems(string setting, int seconds)
    {
        var options = new DoorOptions();
        typeof(DoorOptions).GetProperty(setting)!.SetValue(options, TimeSpan.FromSeconds(seconds));

        Assert.Empty(options.Validate());
    }

    [Fact]
    public void Validate_UndefinedLockType_ProblemNamesLockType()
    {
        var problem = Assert.Single(new DoorOptions { LockType = (LockType)7 }.Validate());

        Assert.StartsWith(nameof(DoorOptions.LockType), problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EverythingWrong_ListsEveryProblem()
    {
        var options = new DoorOptions
        {
            PulseDuration = TimeSpan.Zero,
            HeldOpenThreshold = TimeSpan.Zero,
            FeedbackDuration = TimeSpan.Zero,
            ManualReleaseLimit = TimeSpan.Zero,
            LockType = (LockType)(-1),
        };

        Assert.Equal(5, options.Validate().Count);
    }
}
