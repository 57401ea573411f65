namespace GateController.Telemetry.Mqtt;

/// <summary>Arguments of <see cref="MosquittoClient.Connected"/> and <see cref="MosquittoClient.Disconnected"/>.</summary>
public sealed class MqttConnectionEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    public MqttConnectionEventArgs(int resultCode) => ResultCode = resultCode;

    /// <summary>
    /// For a connect: the CONNACK code (0 accepted). For a disconnect: 0 when the client asked for it,
    /// anything else for an unexpected loss.
    /// </summary>
    public int ResultCode { get; }
}
