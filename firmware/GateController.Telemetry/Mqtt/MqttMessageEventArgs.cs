namespace GateController.Telemetry.Mqtt;

/// <summary>Arguments of <see cref="MosquittoClient.MessageReceived"/>.</summary>
public sealed class MqttMessageEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    public MqttMessageEventArgs(MqttMessage message) => Message = message;

    /// <summary>The message (owned by the receiver).</summary>
    public MqttMessage Message { get; }
}
