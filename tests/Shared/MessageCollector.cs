using System.Text;
using GateController.Telemetry.Mqtt;

namespace GateController.TestSupport;

/// <summary>A peer client (our binding) that records every message it receives, for assertions.</summary>
public sealed class MessageCollector : IDisposable
{
    public static readonly TimeSpan WaitTimeout = TimeSpan.FromSeconds(20);
    private readonly List<MqttMessage> _messages = [];
    private readonly List<(Func<IReadOnlyList<MqttMessage>, bool> Condition, TaskCompletionSource Done)> _waiters = [];
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private MessageCollector(MosquittoClient client) => Client = client;

    public MosquittoClient Client { get; }

    public static async Task<MessageCollector> StartAsync(int port, params string[] patterns)
    {
        var client = new MosquittoClient("peer-" + Guid.NewGuid().ToString("N")[..12]);
        var collector = new MessageCollector(client);
        client.Connected += (_, e) =>
        {
            foreach (var pattern in patterns)
            {
                client.Subscribe(pattern, MqttQualityOfService.AtLeastOnce);
            }

            // A round trip on a private topic proves the subscriptions are active.
            client.Subscribe("probe/" + client.ClientId, MqttQualityOfService.AtLeastOnce);
            client.Publish("probe/" + client.ClientId, "x"u8, MqttQualityOfService.AtLeastOnce, false);
            collector._connected.TrySetResult();
        };
        client.MessageReceived += (_, e) => collector.Add(e.Message);
        client.StartConnect("127.0.0.1", port, 30);
        client.StartLoop();
        await collector._connected.Task.WaitAsync(WaitTimeout);
        await collector._subscribed.Task.WaitAsync(WaitTimeout);
        return collector;
    }

    public IReadOnlyList<MqttMessage> Snapshot()
    {
        lock (_messages)
        {
            return _messages.ToArray();
        }
    }

    public IReadOnlyList<MqttMessage> On(string topic) => Snapshot().Where(m => m.Topic == topic).ToArray();

    public static string Text(MqttMessage message) => Encoding.UTF8.GetString(message.Payload.Span);

    public async Task WaitForAsync(Func<IReadOnlyList<MqttMessage>, bool> condition, TimeSpan? timeout = null)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_messages)
        {
            if (condition(_messages))
            {
                return;
            }

            _waiters.Add((condition, done));
        }

        await done.Task.WaitAsync(timeout ?? WaitTimeout);
    }

    public Task<MqttMessage> WaitForTopicAsync(string topic, Func<string, bool>? payload = null) =>
        WaitForTopicCoreAsync(topic, payload ?? (_ => true));

    public void Dispose() => Client.Dispose();

    private async Task<MqttMessage> WaitForTopicCoreAsync(string topic, Func<string, bool> payload)
    {
        await WaitForAsync(list => list.Any(m => m.Topic == topic && payload(Text(m))));
        return Snapshot().Last(m => m.Topic == topic && payload(Text(m)));
    }

    private void Add(MqttMessage message)
    {
        if (message.Topic == "probe/" + Client.ClientId)
        {
            _subscribed.TrySetResult();
            return;
        }

        lock (_messages)
        {
            _messages.Add(message);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Condition(_messages))
                {
                    _waiters[i].Done.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }
}
