namespace GateController.Telemetry.Mqtt;

/// <summary>Arguments of <see cref="MosquittoClient.Published"/>.</summary>
public sealed class MqttPublishedEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    public MqttPublishedEventArgs(int messageId) => MessageId = messageId;

    /// <summary>The id returned by the publish call: sent (QoS 0) or acknowledged (QoS 1).</summary>
    public int MessageId { get; }
}
