using System.Runtime.InteropServices;

namespace GateController.Telemetry.Interop;

/// <summary>
/// P/Invoke declarations for libmosquitto.so.1 (Eclipse Mosquitto client library, 2.0 API), as declared in mosquitto.h.
/// </summary>
internal static unsafe partial class MosquittoNative
{
    internal const string Library = "libmosquitto.so.1";

    [LibraryImport(Library, EntryPoint = "mosquitto_lib_version")]
    internal static partial int mosquitto_lib_version(out int major, out int minor, out int revision);

    [LibraryImport(Library, EntryPoint = "mosquitto_lib_init")]
    internal static partial int mosquitto_lib_init();

    [LibraryImport(Library, EntryPoint = "mosquitto_lib_cleanup")]
    internal static partial int mosquitto_lib_cleanup();

    [LibraryImport(Library, EntryPoint = "mosquitto_new", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr mosquitto_new(string? id, [MarshalAs(UnmanagedType.U1)] bool cleanSession, IntPtr obj);

    [LibraryImport(Library, EntryPoint = "mosquitto_destroy")]
    internal static partial void mosquitto_destroy(IntPtr mosq);

    [LibraryImport(Library, EntryPoint = "mosquitto_will_set", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int mosquitto_will_set(MosquittoSafeHandle mosq, string topic, int payloadLength, byte* payload, int qos, [MarshalAs(UnmanagedType.U1)] bool retain);

    [LibraryImport(Library, EntryPoint = "mosquitto_username_pw_set", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int mosquitto_username_pw_set(MosquittoSafeHandle mosq, string? username, string? password);

    [LibraryImport(Library, EntryPoint = "mosquitto_tls_set", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int mosquitto_tls_set(MosquittoSafeHandle mosq, string? caFile, string? caPath, string? certFile, string? keyFile, IntPtr passwordCallback);

    [LibraryImport(Library, EntryPoint = "mosquitto_connect", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int mosquitto_connect(MosquittoSafeHandle mosq, string host, int port, int keepalive);

    [LibraryImport(Library, EntryPoint = "mosquitto_connect_async", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int mosquitto_connect_async(MosquittoSafeHandle mosq, string host, int port, int keepalive);

    [LibraryImport(Library, EntryPoint = "mosquitto_disconnect")]
    internal static partial int mosquitto_disconnect(MosquittoSafeHandle mosq);

    [LibraryImport(Library, EntryPoint = "mosquitto_reconnect_delay_set")]
    internal static partial int mosquitto_reconnect_delay_set(MosquittoSafeHandle mosq, uint reconnectDelay, uint reconnectDelayMax, [MarshalAs(UnmanagedType.U1)] bool exponentialBackoff);

    [LibraryImport(Library, EntryPoint = "mosquitto_max_inflight_messages_set")]
    internal static partial int mosquitto_max_inflight_messages_set(MosquittoSafeHandle mosq, uint maxInflightMessages);

    [LibraryImport(Library, EntryPoint = "mosquitto_loop_start")]
    internal static partial int mosquitto_loop_start(MosquittoSafeHandle mosq);

    [LibraryImport(Library, EntryPoint = "mosquitto_loop_stop")]
    internal static partial int mosquitto_loop_stop(MosquittoSafeHandle mosq, [MarshalAs(UnmanagedType.U1)] bool force);

    [LibraryImport(Library, EntryPoint = "mosquitto_publish", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int mosquitto_publish(MosquittoSafeHandle mosq, int* mid, string topic, int payloadLength, byte* payload, int qos, [MarshalAs(UnmanagedType.U1)] bool retain);

    [LibraryImport(Library, EntryPoint = "mosquitto_subscribe", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int mosquitto_subscribe(MosquittoSafeHandle mosq, int* mid, string pattern, int qos);

    [LibraryImport(Library, EntryPoint = "mosquitto_connect_callback_set")]
    internal static partial void mosquitto_connect_callback_set(MosquittoSafeHandle mosq, delegate* unmanaged<IntPtr, IntPtr, int, void> callback);

    [LibraryImport(Library, EntryPoint = "mosquitto_disconnect_callback_set")]
    internal static partial void mosquitto_disconnect_callback_set(MosquittoSafeHandle mosq, delegate* unmanaged<IntPtr, IntPtr, int, void> callback);

    [LibraryImport(Library, EntryPoint = "mosquitto_publish_callback_set")]
    internal static partial void mosquitto_publish_callback_set(MosquittoSafeHandle mosq, delegate* unmanaged<IntPtr, IntPtr, int, void> callback);

    [LibraryImport(Library, EntryPoint = "mosquitto_message_callback_set")]
    internal static partial void mosquitto_message_callback_set(MosquittoSafeHandle mosq, delegate* unmanaged<IntPtr, IntPtr, MosquittoMessageNative*, void> callback);

    [LibraryImport(Library, EntryPoint = "mosquitto_log_callback_set")]
    internal static partial void mosquitto_log_callback_set(MosquittoSafeHandle mosq, delegate* unmanaged<IntPtr, IntPtr, int, IntPtr, void> callback);

    [LibraryImport(Library, EntryPoint = "mosquitto_strerror")]
    internal static partial IntPtr mosquitto_strerror(int errorCode);

    [LibraryImport(Library, EntryPoint = "mosquitto_connack_string")]
    internal static partial IntPtr mosquitto_connack_string(int connackCode);
}
