using GateController.Core.Access;

namespace GateController.Storage.Tests.Access;

public sealed class AccessGateOptionsTests
{
    private static DoorPolicy Policy(string door) => DoorPolicy.Create(new DoorPolicyDefinition { DoorId = DoorId.Parse(door), Methods = AccessMethods.Card });

    [Fact]
    public void Validate_Defaults_WithPolicy_HasNoProblem()
    {
        Assert.Empty(new AccessGateOptions { DefaultPolicy = Policy("north") }.Validate());
    }

    [Fact]
    public void Validate_EverythingWrong_NamesEverySetting()
    {
        var options = new AccessGateOptions
        {
            DefaultPolicy = null,
            PinAttempts = new PinAttemptOptions { MaximumWrongAttempts = 9 },
            PinAfterCardTimeout = TimeSpan.Zero,
            FaceAfterCardTimeout = TimeSpan.FromMinutes(5),
        };
        options.Withdrawal.KeySequence = "1234";

        var problems = options.Validate();

        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("DefaultPolicy", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("PinAttempts.MaximumWrongAttempts", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("PinAfterCardTimeout", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("FaceAfterCardTimeout", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Withdrawal.KeySequence", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_GroupPolicyOfAnotherDoor_NamesTheGroup()
    {
        var options = new AccessGateOptions
        {
            DefaultPolicy = Policy("north"),
            GroupPolicies = new Dictionary<string, DoorPolicy> { ["night"] = Policy("south") },
        };

        var problem = Assert.Single(options.Validate());

        Assert.Contains("'night'", problem, StringComparison.Ordinal);
        Assert.Contains("south", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsListingTheProblems()
    {
        var error = Assert.Throws<ArgumentException>(() => new AccessGate(
            new Simulation.Access.SimulatedAccessDirectory(DuressPinTransformation.None),
            new AccessGateOptions { DefaultPolicy = Policy("north"), PinAfterCardTimeout = TimeSpan.FromMinutes(10) },
            TimeProvider.System));

        Assert.Contains("PinAfterCardTimeout", error.Message, StringComparison.Ordinal);
    }
}
