namespace GateController.Telemetry.Mqtt;

/// <summary>Arguments of <see cref="MosquittoClient.LogReceived"/>.</summary>
public sealed class MqttLogEventArgs : EventArgs
{
    /// <summary>MOSQ_LOG_ERR: an error.</summary>
    public const int LevelError = 0x08;

    /// <summary>Creates the arguments.</summary>
    public MqttLogEventArgs(int level, string text)
    {
        Level = level;
        Text = text;
    }

    /// <summary>The MOSQ_LOG_* level bit (INFO 1, NOTICE 2, WARNING 4, ERR 8, DEBUG 16).</summary>
    public int Level { get; }

    /// <summary>The library's text.</summary>
    public string Text { get; }
}
