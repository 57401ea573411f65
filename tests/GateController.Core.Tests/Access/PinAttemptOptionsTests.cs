using GateController.Core.Access;

namespace GateController.Core.Tests.Access;

public sealed class PinAttemptOptionsTests
{
    [Fact]
    public void Validate_Defaults_NoProblem() => Assert.Empty(new PinAttemptOptions().Validate());

    [Fact]
    public void Validate_EverySettingWrong_OneProblemPerSetting()
    {
        var options = new PinAttemptOptions
        {
            MaximumWrongAttempts = 0,
            AttemptWindow = TimeSpan.Zero,
            LockoutDuration = TimeSpan.FromMinutes(-1),
            LockoutGrowthFactor = 0.5,
            MaximumLockoutDuration = TimeSpan.FromMinutes(-2),
            LockoutMemory = TimeSpan.Zero,
            DuressTransformation = (DuressPinTransformation)42,
        };

        var problems = options.Validate();

        Assert.Equal(
            ["MaximumWrongAttempts", "AttemptWindow", "LockoutDuration", "LockoutGrowthFactor", "MaximumLockoutDuration", "LockoutMemory", "DuressTransformation"],
            problems.Select(p => p[..p.IndexOf(':', StringComparison.Ordinal)]));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void Validate_MaximumWrongAttempts_AtMostFive(int attempts, bool valid) =>
        Assert.Equal(valid, new PinAttemptOptions { MaximumWrongAttempts = attempts }.Validate().Count == 0);

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(0.99)]
    public void Validate_BadGrowthFactor_Problem(double factor) =>
        Assert.Contains(new PinAttemptOptions { LockoutGrowthFactor = factor }.Validate(), p => p.StartsWith("LockoutGrowthFactor:", StringComparison.Ordinal));
}
