namespace GateController.Telemetry.Tests.Support;

/// <summary>One plain-TCP broker shared by the tests of a class; every test uses its own topics.</summary>
public sealed class BrokerFixture : IDisposable
{
    public BrokerFixture()
    {
        Broker = new MosquittoBroker();
        Broker.Start();
    }

    public MosquittoBroker Broker { get; }

    public int Port => Broker.Port;

    public void Dispose() => Broker.Dispose();
}
