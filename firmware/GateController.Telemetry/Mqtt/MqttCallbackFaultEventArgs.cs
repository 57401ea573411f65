namespace GateController.Telemetry.Mqtt;

/// <summary>Arguments of <see cref="MosquittoClient.CallbackFaulted"/>: a handler threw inside a native callback.</summary>
public sealed class MqttCallbackFaultEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    public MqttCallbackFaultEventArgs(string callback, Exception exception)
    {
        Callback = callback;
        Exception = exception;
    }

    /// <summary>Which callback: connect, disconnect, message or publish.</summary>
    public string Callback { get; }

    /// <summary>What was thrown (it was caught, never passed to native code).</summary>
    public Exception Exception { get; }
}
