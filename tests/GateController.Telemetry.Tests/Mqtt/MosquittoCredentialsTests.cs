using GateController.Telemetry.Mqtt;
using GateController.Telemetry.Tests.Support;

namespace GateController.Telemetry.Tests.Mqtt;

public sealed class MosquittoCredentialsTests : IDisposable
{
    private readonly MosquittoBroker _broker;

    public MosquittoCredentialsTests()
    {
        var directory = Path.Combine(Path.GetTempPath(), "gc-passwd-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        PasswordFile = Path.Combine(directory, "passwd");
        var (code, output) = NativeProbe.Run("mosquitto_passwd", $"-b -c {PasswordFile} gate-unit s3cret-pass");
        Assert.True(code == 0, output);
        _broker = new MosquittoBroker($"allow_anonymous false\npassword_file {PasswordFile}");
        _broker.Start();
    }

    private string PasswordFile { get; }

    [Theory]
    [InlineData("s3cret-pass", 0)]
    [InlineData("wrong", 5)]
    public async Task Connect_UsernamePassword_BrokerAnswersConnack(string password, int expectedConnack)
    {
        using var client = new MosquittoClient("cred-" + Guid.NewGuid().ToString("N"));
        client.SetCredentials("gate-unit", password);
        var connack = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Connected += (_, e) => connack.TrySetResult(e.ResultCode);

        client.StartConnect("127.0.0.1", _broker.Port, 30);
        client.StartLoop();

        Assert.Equal(expectedConnack, await connack.Task.WaitAsync(MessageCollector.WaitTimeout));
    }

    public void Dispose()
    {
        _broker.Dispose();
        Directory.Delete(Path.GetDirectoryName(PasswordFile)!, recursive: true);
    }
}
