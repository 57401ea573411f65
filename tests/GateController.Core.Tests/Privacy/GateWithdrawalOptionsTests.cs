using GateController.Core.Privacy;

namespace GateController.Core.Tests.Privacy;

public sealed class GateWithdrawalOptionsTests
{
    [Fact]
    public void Validate_Defaults_NoProblemAndStarSevenHash()
    {
        var options = new GateWithdrawalOptions();

        Assert.Empty(options.Validate());
        Assert.Equal("*7#", options.KeySequence);
        Assert.Equal("*7#, then 1", options.Describe());
    }

    [Theory]
    [InlineData("*", '1', 5, 10, "KeySequence")]
    [InlineData("*123456789", '1', 5, 10, "KeySequence")]
    [InlineData("1234", '1', 5, 10, "KeySequence")]
    [InlineData("*7E", '1', 5, 10, "KeySequence")]
    [InlineData("*7#", 'x', 5, 10, "ConfirmationKey")]
    [InlineData("*7#", '1', 0, 10, "KeyTimeout")]
    [InlineData("*7#", '1', 61, 10, "KeyTimeout")]
    [InlineData("*7#", '1', 5, -1, "ConfirmationTimeout")]
    [InlineData("*7#", '1', 5, 61, "ConfirmationTimeout")]
    public void Validate_BadSetting_OneProblemNamingIt(string sequence, char confirmation, int keySeconds, int confirmationSeconds, string setting)
    {
        var options = new GateWithdrawalOptions
        {
            KeySequence = sequence,
            ConfirmationKey = confirmation,
            KeyTimeout = TimeSpan.FromSeconds(keySeconds),
            ConfirmationTimeout = TimeSpan.FromSeconds(confirmationSeconds),
        };

        var problem = Assert.Single(options.Validate());

        Assert.StartsWith(setting + ":", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EverythingWrong_EveryProblemListed()
    {
        var options = new GateWithdrawalOptions { KeySequence = "1", ConfirmationKey = ' ', KeyTimeout = TimeSpan.Zero, ConfirmationTimeout = TimeSpan.Zero };

        Assert.Equal(5, options.Validate().Count);
    }
}
