namespace GateController.Telemetry.Mqtt;

/// <summary>MQTT delivery guarantee. The unit uses QoS 0 and 1 only.</summary>
public enum MqttQualityOfService
{
    /// <summary>QoS 0: fire and forget.</summary>
    AtMostOnce = 0,

    /// <summary>QoS 1: acknowledged by the broker, resent until then.</summary>
    AtLeastOnce = 1,
}
