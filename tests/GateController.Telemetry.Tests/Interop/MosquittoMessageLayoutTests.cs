using System.Runtime.InteropServices;
using GateController.Telemetry.Interop;

namespace GateController.Telemetry.Tests.Interop;

public sealed class MosquittoMessageLayoutTests
{
    private const string Probe = """
        #include <stdio.h>
        #include <stddef.h>
        #include <mosquitto.h>
        int main(void) {
            printf("size=%zu\n", sizeof(struct mosquitto_message));
            printf("mid=%zu\n", offsetof(struct mosquitto_message, mid));
            printf("topic=%zu\n", offsetof(struct mosquitto_message, topic));
            printf("payload=%zu\n", offsetof(struct mosquitto_message, payload));
            printf("payloadlen=%zu\n", offsetof(struct mosquitto_message, payloadlen));
            printf("qos=%zu\n", offsetof(struct mosquitto_message, qos));
            printf("retain=%zu\n", offsetof(struct mosquitto_message, retain));
            printf("bool=%zu\n", sizeof(bool));
            printf("MOSQ_ERR_NO_CONN=%d\n", MOSQ_ERR_NO_CONN);
            printf("MOSQ_ERR_ERRNO=%d\n", MOSQ_ERR_ERRNO);
            printf("MOSQ_ERR_TLS_HANDSHAKE=%d\n", MOSQ_ERR_TLS_HANDSHAKE);
            printf("MOSQ_ERR_OVERSIZE_PACKET=%d\n", MOSQ_ERR_OVERSIZE_PACKET);
            return 0;
        }
        """;

    private static readonly Lazy<Dictionary<string, long>> Measured = new(() =>
        CHeaderProbe.ParseValues<long>(CHeaderProbe.CompileAndRun(Probe)));

    public static TheoryData<string, string> Fields => new()
    {
        { "mid", nameof(MosquittoMessageNative.Mid) },
        { "topic", nameof(MosquittoMessageNative.Topic) },
        { "payload", nameof(MosquittoMessageNative.Payload) },
        { "payloadlen", nameof(MosquittoMessageNative.PayloadLength) },
        { "qos", nameof(MosquittoMessageNative.Qos) },
        { "retain", nameof(MosquittoMessageNative.Retain) },
    };

    [Fact]
    public void SizeOf_MatchesHeader() =>
        Assert.Equal(Measured.Value["size"], Marshal.SizeOf<MosquittoMessageNative>());

    [Theory]
    [MemberData(nameof(Fields))]
    public void FieldOffset_MatchesHeader(string cField, string managedField) =>
        Assert.Equal(Measured.Value[cField], (long)Marshal.OffsetOf<MosquittoMessageNative>(managedField));

    [Fact]
    public void CBool_IsOneByte_MatchingRetainField() =>
        Assert.Equal(Measured.Value["bool"], Marshal.SizeOf<byte>());

    [Theory]
    [InlineData("MOSQ_ERR_NO_CONN", GateController.Telemetry.Mqtt.MosquittoErrorCode.NoConnection)]
    [InlineData("MOSQ_ERR_ERRNO", GateController.Telemetry.Mqtt.MosquittoErrorCode.Errno)]
    [InlineData("MOSQ_ERR_TLS_HANDSHAKE", GateController.Telemetry.Mqtt.MosquittoErrorCode.TlsHandshake)]
    [InlineData("MOSQ_ERR_OVERSIZE_PACKET", GateController.Telemetry.Mqtt.MosquittoErrorCode.OversizePacket)]
    public void ErrorCode_MatchesHeader(string name, GateController.Telemetry.Mqtt.MosquittoErrorCode code) =>
        Assert.Equal(Measured.Value[name], (long)code);
}
