namespace GateController.Service.Tests.Packaging;

/// <summary>build-deb's argument checks, which run before anything is built.</summary>
public sealed class BuildDebArgumentsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(new[] { "--arch", "sparc" }, "--arch must be amd64, arm64 or all")]
    [InlineData(new[] { "--compression", "lzma" }, "--compression must be xz, gzip or none")]
    [InlineData(new[] { "--version", "v1.0" }, "is not a Debian version")]
    [InlineData(new[] { "--frobnicate" }, "unknown argument '--frobnicate'")]
    [InlineData(new[] { "--output" }, "--output needs a value")]
    public void BuildDeb_BadArgument_FailsNamingIt(string[] arguments, string expected)
    {
        var result = ChildProcess.Run(RepositoryLayout.Combine("firmware", "packaging", "build-deb"), arguments, Timeout);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(expected, result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildDeb_Help_PrintsUsageAndSucceeds()
    {
        var result = ChildProcess.Run(RepositoryLayout.Combine("firmware", "packaging", "build-deb"), ["--help"], Timeout);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("usage: firmware/packaging/build-deb [--arch amd64|arm64|all]", result.StandardOutput, StringComparison.Ordinal);
    }
}
