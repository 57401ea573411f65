using System.Net.Sockets;
using GateController.Service.Admin;

namespace GateController.Cli.Tests;

public sealed class AdminServerLifecycleTests
{
    [Fact]
    public async Task Start_SocketServedByAnotherServer_RefusedNamingThePath()
    {
        await using var unit = new AdminFixture();
        var options = new AdminServerOptions { SocketPath = unit.SocketPath };
        using var second = new AdminServer(unit.Store, options, unit.Time);

        var ex = Assert.Throws<IOException>(second.Start);

        Assert.Contains($"admin socket {unit.SocketPath} is in use", ex.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(unit.SocketPath));
    }

    [Fact]
    public async Task Start_StaleSocketFile_ReplacedAndServed()
    {
        await using var unit = new AdminFixture();
        var stale = Path.Combine(unit.Directory, "stale.sock");
        using (var dead = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            dead.Bind(new UnixDomainSocketEndPoint(stale));
        }

        var options = new AdminServerOptions { SocketPath = stale };
        options.Operators.Add(new AdminOperator { Name = "zhao", Role = "installer" });
        using var server = new AdminServer(unit.Store, options, unit.Time);
        using var stop = new CancellationTokenSource();

        server.Start();
        var serving = server.RunAsync(stop.Token);
        using (var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            await client.ConnectAsync(new UnixDomainSocketEndPoint(stale));
        }

        await stop.CancelAsync();
        await serving;
        Assert.False(File.Exists(stale));
    }

    [Theory]
    [InlineData("relative.sock", "SocketPath must be an absolute path")]
    [InlineData("/tmp/ok.sock", "role 'admin'")]
    public async Task Constructor_BadOptions_ArgumentExceptionNamingTheSetting(string path, string expected)
    {
        await using var unit = new AdminFixture();
        var options = new AdminServerOptions { SocketPath = path };
        options.Operators.Add(new AdminOperator { Name = "x", Role = path.StartsWith('/') ? "admin" : "guard" });

        var ex = Assert.Throws<ArgumentException>(() => new AdminServer(unit.Store, options, unit.Time));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
