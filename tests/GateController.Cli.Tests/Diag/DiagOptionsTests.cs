using GateController.Cli.Diag;

namespace GateController.Cli.Tests.Diag;

public sealed class DiagOptionsTests
{
    [Theory]
    [InlineData("localhost", "localhost", 1883)]
    [InlineData("broker.lan:1884", "broker.lan", 1884)]
    [InlineData("10.0.0.5:8883", "10.0.0.5", 8883)]
    [InlineData("[::1]:1885", "::1", 1885)]
    [InlineData("[fe80::2]", "fe80::2", 1883)]
    [InlineData("  gate-broker  ", "gate-broker", 1883)]
    public void SetBroker_Valid_HostAndPort(string text, string host, int port)
    {
        var options = new DiagOptions();

        var problem = options.SetBroker(text);

        Assert.Null(problem);
        Assert.Equal(host, options.BrokerHost);
        Assert.Equal(port, options.EffectivePort);
    }

    [Theory]
    [InlineData("")]
    [InlineData(":1883")]
    [InlineData("host:0")]
    [InlineData("host:65536")]
    [InlineData("host:port")]
    [InlineData("::1:1883")]
    [InlineData("[::1")]
    [InlineData("[::1]x")]
    [InlineData("bad host:1883")]
    public void SetBroker_Invalid_ProblemNamesBroker(string text)
    {
        var problem = new DiagOptions().SetBroker(text);

        Assert.NotNull(problem);
        Assert.StartsWith("--broker", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void EffectivePort_TlsWithoutPort_8883()
    {
        var options = new DiagOptions { TlsCaFile = "ca.crt" };
        options.SetBroker("broker");

        Assert.Equal(DiagOptions.TlsPort, options.EffectivePort);
        Assert.Equal("broker:8883", options.BrokerText);
    }

    [Fact]
    public void Validate_Defaults_NoProblem() => Assert.Empty(new DiagOptions().Validate());

    [Theory]
    [InlineData("unit", "--unit")]
    [InlineData("count", "--count")]
    [InlineData("zero-duration", "--duration")]
    [InlineData("long-duration", "--duration")]
    [InlineData("count-and-duration", "--count and --duration")]
    [InlineData("cert-without-key", "--tls-cert and --tls-key")]
    [InlineData("cert-without-ca", "--tls-cert needs --tls-ca")]
    [InlineData("password-without-username", "--password-file needs --username")]
    [InlineData("empty-username", "--username")]
    public void Validate_Mistake_OneProblemNamingTheOption(string mistake, string option)
    {
        var options = new DiagOptions();
        switch (mistake)
        {
            case "unit": options.UnitId = "bad/unit"; break;
            case "count": options.Count = 0; break;
            case "zero-duration": options.Duration = TimeSpan.Zero; break;
            case "long-duration": options.Duration = TimeSpan.FromDays(8); break;
            case "count-and-duration": options.Count = 1; options.Duration = TimeSpan.FromSeconds(1); break;
            case "cert-without-key": options.TlsCaFile = "ca"; options.TlsCertificateFile = "c"; break;
            case "cert-without-ca": options.TlsCertificateFile = "c"; options.TlsKeyFile = "k"; break;
            case "password-without-username": options.PasswordFile = "p"; break;
            default: options.Username = string.Empty; break;
        }

        var problem = Assert.Single(options.Validate());

        Assert.Contains(option, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralMistakes_EveryProblem()
    {
        var options = new DiagOptions { UnitId = "a b", Count = -1, PasswordFile = "p" };

        Assert.Equal(3, options.Validate().Count);
    }
}
