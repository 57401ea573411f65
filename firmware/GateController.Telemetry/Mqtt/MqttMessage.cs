namespace GateController.Telemetry.Mqtt;

/// <summary>A received message, copied out of libmosquitto's memory before the callback returned.</summary>
/// <param name="Topic">The topic it was published on.</param>
/// <param name="Payload">The payload bytes (a private copy).</param>
/// <param name="QualityOfService">The QoS it was delivered with.</param>
/// <param name="Retained">True when the broker delivered a retained message.</param>
public sealed record MqttMessage(string Topic, ReadOnlyMemory<byte> Payload, MqttQualityOfService QualityOfService, bool Retained);
