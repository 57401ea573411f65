using GateController.Service;
using GateController.Simulation.Scenarios;

namespace GateController.Service.Tests;

public sealed class GateControllerCommandLineTests
{
    [Fact]
    public void Run_Simulate_ExitsZeroAndPrintsDecisions()
    {
        var (status, output, error) = Run("--simulate");

        Assert.Equal(0, status);
        Assert.Empty(error);
        Assert.Contains("resident R0001 taps their card at \"front\" → Granted (Card) R0001 → unlocked (grant, 5 s pulse)", output, StringComparison.Ordinal);
        Assert.Contains("→ UnknownCredential (Card) →", output, StringComparison.Ordinal);
        Assert.Contains("→ VisitorCodeUsedUp (VisitorCode) R0001 →", output, StringComparison.Ordinal);
        Assert.Contains("→ LockedOut (Pin) →", output, StringComparison.Ordinal);
        Assert.Contains("SILENT DURESS alarm for R0006", output, StringComparison.Ordinal);
        Assert.Contains("policy \"face-only\" at front-gate: refused (P1)", output, StringComparison.Ordinal);
        Assert.EndsWith("every expected outcome happened" + Environment.NewLine, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Simulate_PrintsNoCardIdentifierPinOrName()
    {
        var (_, output, _) = Run("--simulate");
        var directory = DemoCommunity.CreateDirectory(DemoScenario.Start);
        string[] secrets =
        [
            Convert.ToHexString(DemoCommunity.CardHolderCard), Convert.ToHexString(DemoCommunity.UnknownCard),
            Convert.ToHexString(DemoCommunity.ExpiredCard), Convert.ToHexString(DemoCommunity.DaytimeWorkerCard),
            Convert.ToHexString(DemoCommunity.MovedOutCard),
            DemoCommunity.CardHolderPin, DemoCommunity.PinHolderPin, DemoCommunity.DaytimeWorkerPin,
            DemoCommunity.DuressVictimPin, DemoCommunity.DuressVictimDuressPin, DemoCommunity.VisitorCode,
            .. DemoCommunity.WrongPins,
            .. directory.Residents.Select(r => r.Name),
        ];

        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, output, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("--simulate", "--help")]
    public void Run_Help_ExitsZeroWithUsage(params string[] args)
    {
        var (status, output, error) = Run(args);

        Assert.Equal(0, status);
        Assert.StartsWith("usage: gatecontrollerd", output, StringComparison.Ordinal);
        Assert.Contains("--simulate", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("simulate")]
    [InlineData("--SIMULATE")]
    [InlineData("")]
    public void Run_UnknownArgument_Exits64WithOneLineNamingIt(string argument)
    {
        var (status, output, error) = Run("--simulate", argument);

        Assert.Equal(64, status);
        Assert.Empty(output);
        Assert.Equal($"gatecontrollerd: unknown argument '{argument}' (try --help){Environment.NewLine}", error);
    }

    [Fact]
    public void Run_NoArguments_Exits64()
    {
        var (status, output, error) = Run();

        Assert.Equal(64, status);
        Assert.Empty(output);
        Assert.Contains("--simulate", error, StringComparison.Ordinal);
        Assert.Single(error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Run_NullWriter_Throws() =>
        Assert.Throws<ArgumentNullException>(() => GateControllerCommandLine.Run(["--help"], null!, TextWriter.Null));

    private static (int Status, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var status = GateControllerCommandLine.Run(args, output, error);
        return (status, output.ToString(), error.ToString());
    }
}
