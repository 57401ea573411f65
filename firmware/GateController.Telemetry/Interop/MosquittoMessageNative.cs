using System.Runtime.InteropServices;

namespace GateController.Telemetry.Interop;

/// <summary>
/// <c>struct mosquitto_message</c> from mosquitto.h: mid, topic, payload, payloadlen, qos, retain.
/// Layout is checked against the header by a compiled probe in the tests.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct MosquittoMessageNative
{
    /// <summary>Message id.</summary>
    public int Mid;

    /// <summary>Topic, NUL-terminated UTF-8, owned by the library.</summary>
    public IntPtr Topic;

    /// <summary>Payload bytes, owned by the library.</summary>
    public IntPtr Payload;

    /// <summary>Payload length in bytes.</summary>
    public int PayloadLength;

    /// <summary>Quality of service.</summary>
    public int Qos;

    /// <summary>C <c>bool</c> (one byte).</summary>
    public byte Retain;
}
