using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using GateController.Telemetry.Interop;

namespace GateController.Telemetry.Mqtt;

/// <summary>
/// A typed MQTT client over libmosquitto.so.1. The network loop runs on libmosquitto's own thread
/// (<see cref="StartLoop"/>); events are raised on that thread and must return quickly. An exception
/// thrown by an event handler is caught and reported through <see cref="CallbackFaulted"/>; it never
/// crosses into native code. Dispose the client to stop the loop and free native memory.
/// </summary>
public sealed unsafe class MosquittoClient : IDisposable
{
    private readonly MosquittoSafeHandle _handle;
    private readonly Lock _stateLock = new();
    private long _callbackFaults;
    private bool _loopRunning;
    private bool _disposed;

    /// <summary>Creates a client (<c>mosquitto_new</c>).</summary>
    /// <param name="clientId">The MQTT client id; unique per broker.</param>
    /// <param name="cleanSession">Whether the broker forgets the session on disconnect.</param>
    public MosquittoClient(string clientId, bool cleanSession = true)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        MosquittoException.ThrowIfFailed("mosquitto_lib_init", MosquittoNative.mosquitto_lib_init());
        var userData = GCHandle.Alloc(this, GCHandleType.Normal);
        var mosquitto = MosquittoNative.mosquitto_new(clientId, cleanSession, GCHandle.ToIntPtr(userData));
        if (mosquitto == IntPtr.Zero)
        {
            var errno = Marshal.GetLastSystemError();
            userData.Free();
            _ = MosquittoNative.mosquitto_lib_cleanup();
            throw new MosquittoException($"mosquitto_new failed for client id '{clientId}' (errno {errno})");
        }

        _handle = new MosquittoSafeHandle();
        _handle.Attach(mosquitto, userData);
        ClientId = clientId;
        MosquittoNative.mosquitto_connect_callback_set(_handle, &OnConnectNative);
        MosquittoNative.mosquitto_disconnect_callback_set(_handle, &OnDisconnectNative);
        MosquittoNative.mosquitto_publish_callback_set(_handle, &OnPublishNative);
        MosquittoNative.mosquitto_message_callback_set(_handle, &OnMessageNative);
        MosquittoNative.mosquitto_log_callback_set(_handle, &OnLogNative);
    }

    /// <summary>Raised on the network thread when the broker answers a connect (CONNACK code in the arguments).</summary>
    public event EventHandler<MqttConnectionEventArgs>? Connected;

    /// <summary>Raised on the network thread when the connection ends.</summary>
    public event EventHandler<MqttConnectionEventArgs>? Disconnected;

    /// <summary>Raised on the network thread for each message; the payload is already a managed copy.</summary>
    public event EventHandler<MqttMessageEventArgs>? MessageReceived;

    /// <summary>Raised on the network thread when a publish is sent (QoS 0) or acknowledged (QoS 1).</summary>
    public event EventHandler<MqttPublishedEventArgs>? Published;

    /// <summary>
    /// Raised on the calling or network thread for libmosquitto's log lines (level bit mask and text), e.g. the
    /// OpenSSL reason when a TLS handshake fails on the loop, which no other callback reports.
    /// </summary>
    public event EventHandler<MqttLogEventArgs>? LogReceived;

    /// <summary>Raised when one of the other handlers threw; the exception was contained.</summary>
    public event EventHandler<MqttCallbackFaultEventArgs>? CallbackFaulted;

    /// <summary>The MQTT client id.</summary>
    public string ClientId { get; }

    /// <summary>How many handler exceptions were contained in callbacks.</summary>
    public long CallbackFaults => Interlocked.Read(ref _callbackFaults);

    /// <summary>The libmosquitto version, e.g. 2.0.11.</summary>
    public static Version LibraryVersion
    {
        get
        {
            _ = MosquittoNative.mosquitto_lib_version(out var major, out var minor, out var revision);
            return new Version(major, minor, revision);
        }
    }

    /// <summary>Sets the username and password sent on connect (<c>mosquitto_username_pw_set</c>).</summary>
    public void SetCredentials(string username, string? password)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        Check("mosquitto_username_pw_set", MosquittoNative.mosquitto_username_pw_set(_handle, username, password));
    }

    /// <summary>
    /// Enables TLS (<c>mosquitto_tls_set</c>) with a CA certificate file and, optionally, a client
    /// certificate and its unencrypted private key (PEM).
    /// </summary>
    public void ConfigureTls(string caFile, string? certificateFile = null, string? keyFile = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(caFile);
        if ((certificateFile is null) != (keyFile is null))
        {
            throw new ArgumentException("a client certificate needs both the certificate file and the key file", nameof(certificateFile));
        }

        Check("mosquitto_tls_set", MosquittoNative.mosquitto_tls_set(_handle, caFile, null, certificateFile, keyFile, IntPtr.Zero));
    }

    /// <summary>Sets the last will the broker publishes if the connection is lost without a DISCONNECT.</summary>
    public void SetWill(string topic, ReadOnlySpan<byte> payload, MqttQualityOfService qualityOfService, bool retain)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        fixed (byte* bytes = payload)
        {
            Check("mosquitto_will_set", MosquittoNative.mosquitto_will_set(_handle, topic, payload.Length, bytes, (int)qualityOfService, retain));
        }
    }

    /// <summary>Sets the automatic reconnect delay of the network loop (<c>mosquitto_reconnect_delay_set</c>).</summary>
    public void SetReconnectDelay(TimeSpan minimumDelay, TimeSpan maximumDelay, bool exponentialBackoff)
    {
        var minimumSeconds = (uint)Math.Max(1, Math.Ceiling(minimumDelay.TotalSeconds));
        var maximumSeconds = (uint)Math.Max(minimumSeconds, Math.Ceiling(maximumDelay.TotalSeconds));
        Check("mosquitto_reconnect_delay_set", MosquittoNative.mosquitto_reconnect_delay_set(_handle, minimumSeconds, maximumSeconds, exponentialBackoff));
    }

    /// <summary>Limits QoS 1 messages in flight at once (<c>mosquitto_max_inflight_messages_set</c>; 0 is unlimited).</summary>
    public void SetMaximumInflightMessages(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Check("mosquitto_max_inflight_messages_set", MosquittoNative.mosquitto_max_inflight_messages_set(_handle, (uint)count));
    }

    /// <summary>Connects and waits for the TCP (and TLS) connection; CONNACK arrives later on the loop.</summary>
    public void Connect(string host, int port, int keepAliveSeconds)
    {
        ValidateEndpoint(host, port, keepAliveSeconds);
        Check("mosquitto_connect", MosquittoNative.mosquitto_connect(_handle, host, port, keepAliveSeconds));
    }

    /// <summary>
    /// Starts connecting without waiting (<c>mosquitto_connect_async</c>); the loop completes it and keeps
    /// reconnecting with the configured backoff. Use with <see cref="StartLoop"/>.
    /// </summary>
    public void StartConnect(string host, int port, int keepAliveSeconds)
    {
        ValidateEndpoint(host, port, keepAliveSeconds);
        Check("mosquitto_connect_async", MosquittoNative.mosquitto_connect_async(_handle, host, port, keepAliveSeconds));
    }

    /// <summary>
    /// Like <see cref="StartConnect"/>, but a refused or unreachable broker is an expected outcome: returns
    /// false with the error. libmosquitto's loop only reconnects connections that were once established,
    /// so after a false result call this again later (with backoff) before <see cref="StartLoop"/>.
    /// </summary>
    public bool TryStartConnect(string host, int port, int keepAliveSeconds, out MosquittoErrorCode error)
    {
        ValidateEndpoint(host, port, keepAliveSeconds);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var result = MosquittoNative.mosquitto_connect_async(_handle, host, port, keepAliveSeconds);
        error = (MosquittoErrorCode)result;
        if (error is MosquittoErrorCode.InvalidArgument)
        {
            throw new MosquittoException("mosquitto_connect_async", result);
        }

        return result == 0;
    }

    /// <summary>Starts the network loop on its own thread (<c>mosquitto_loop_start</c>).</summary>
    public void StartLoop()
    {
        lock (_stateLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_loopRunning)
            {
                return;
            }

            Check("mosquitto_loop_start", MosquittoNative.mosquitto_loop_start(_handle));
            _loopRunning = true;
        }
    }

    /// <summary>Sends DISCONNECT (the broker then discards the will) and lets the loop finish.</summary>
    /// <returns>False when there was no connection to close.</returns>
    public bool Disconnect()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var result = MosquittoNative.mosquitto_disconnect(_handle);
        if (result == (int)MosquittoErrorCode.NoConnection)
        {
            return false;
        }

        Check("mosquitto_disconnect", result);
        return true;
    }

    /// <summary>Stops the network loop and waits for its thread (call <see cref="Disconnect"/> first).</summary>
    public void StopLoop()
    {
        lock (_stateLock)
        {
            if (!_loopRunning || _disposed)
            {
                return;
            }

            _loopRunning = false;
            var result = MosquittoNative.mosquitto_loop_stop(_handle, false);
            if (result != 0 && result != (int)MosquittoErrorCode.NoConnection)
            {
                throw new MosquittoException("mosquitto_loop_stop", result);
            }
        }
    }

    /// <summary>Publishes a message; throws <see cref="MosquittoException"/> on any failure.</summary>
    /// <returns>The message id, matched later by <see cref="Published"/>.</returns>
    public int Publish(string topic, ReadOnlySpan<byte> payload, MqttQualityOfService qualityOfService, bool retain)
    {
        if (!TryPublish(topic, payload, qualityOfService, retain, out var messageId, out var error))
        {
            throw new MosquittoException("mosquitto_publish", (int)error);
        }

        return messageId;
    }

    /// <summary>
    /// Publishes a message; returns false with the error (e.g. <see cref="MosquittoErrorCode.NoConnection"/>
    /// while offline) instead of throwing. Misuse (empty topic, disposed client) still throws.
    /// </summary>
    public bool TryPublish(string topic, ReadOnlySpan<byte> payload, MqttQualityOfService qualityOfService, bool retain, out int messageId, out MosquittoErrorCode error)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ObjectDisposedException.ThrowIf(_disposed, this);
        int mid = 0;
        int result;
        fixed (byte* bytes = payload)
        {
            result = MosquittoNative.mosquitto_publish(_handle, &mid, topic, payload.Length, bytes, (int)qualityOfService, retain);
        }

        messageId = mid;
        error = (MosquittoErrorCode)result;
        if (error is MosquittoErrorCode.InvalidArgument)
        {
            throw new ArgumentException($"libmosquitto refused to publish on topic '{topic}': {MosquittoException.DescribeError(result)}", nameof(topic));
        }

        return result == 0;
    }

    /// <summary>Subscribes to a topic pattern (<c>mosquitto_subscribe</c>).</summary>
    public int Subscribe(string pattern, MqttQualityOfService qualityOfService)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        ObjectDisposedException.ThrowIf(_disposed, this);
        int mid = 0;
        Check("mosquitto_subscribe", MosquittoNative.mosquitto_subscribe(_handle, &mid, pattern, (int)qualityOfService));
        return mid;
    }

    /// <summary>Stops the loop (after a disconnect attempt), destroys the native client and frees its handles.</summary>
    public void Dispose()
    {
        lock (_stateLock)
        {
            if (_disposed)
            {
                return;
            }

            if (_loopRunning)
            {
                // Moves the client to the disconnected state so the loop thread ends (no forced cancel).
                _ = MosquittoNative.mosquitto_disconnect(_handle);
                _ = MosquittoNative.mosquitto_loop_stop(_handle, false);
                _loopRunning = false;
            }

            _disposed = true;
        }

        _handle.Dispose();
    }

    private static void ValidateEndpoint(string host, int port, int keepAliveSeconds)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        ArgumentOutOfRangeException.ThrowIfLessThan(keepAliveSeconds, 5);
    }

    private void Check(string operation, int result)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        MosquittoException.ThrowIfFailed(operation, result);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static MosquittoClient? FromUserData(IntPtr userData)
    {
        if (userData == IntPtr.Zero)
        {
            return null;
        }

        return GCHandle.FromIntPtr(userData).Target as MosquittoClient;
    }

    /// <summary>Raises one of the client's events from a native callback; nothing may escape into native code.</summary>
    private void Raise<TArgs>(Func<MosquittoClient, EventHandler<TArgs>?> handler, TArgs args, string callback)
    {
        try
        {
            handler(this)?.Invoke(this, args);
        }
#pragma warning disable CA1031 // Nothing may escape into native code.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            ReportFault(callback, exception);
        }
    }

    private void ReportFault(string callback, Exception exception)
    {
        Interlocked.Increment(ref _callbackFaults);
        try
        {
            CallbackFaulted?.Invoke(this, new MqttCallbackFaultEventArgs(callback, exception));
        }
#pragma warning disable CA1031 // Nothing may escape into native code.
        catch (Exception)
#pragma warning restore CA1031
        {
            // A faulty fault handler is counted above and otherwise ignored.
        }
    }

    [UnmanagedCallersOnly]
    private static void OnConnectNative(IntPtr mosquitto, IntPtr userData, int resultCode) =>
        FromUserData(userData)?.Raise(c => c.Connected, new MqttConnectionEventArgs(resultCode), "connect");

    [UnmanagedCallersOnly]
    private static void OnDisconnectNative(IntPtr mosquitto, IntPtr userData, int resultCode) =>
        FromUserData(userData)?.Raise(c => c.Disconnected, new MqttConnectionEventArgs(resultCode), "disconnect");

    [UnmanagedCallersOnly]
    private static void OnPublishNative(IntPtr mosquitto, IntPtr userData, int messageId) =>
        FromUserData(userData)?.Raise(c => c.Published, new MqttPublishedEventArgs(messageId), "publish");

    [UnmanagedCallersOnly]
    private static void OnLogNative(IntPtr mosquitto, IntPtr userData, int level, IntPtr text)
    {
        var client = FromUserData(userData);
        if (client?.LogReceived is not { } handler)
        {
            return;
        }

        try
        {
            handler(client, new MqttLogEventArgs(level, Marshal.PtrToStringUTF8(text) ?? string.Empty));
        }
#pragma warning disable CA1031 // Nothing may escape into native code.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            client.ReportFault("log", exception);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnMessageNative(IntPtr mosquitto, IntPtr userData, MosquittoMessageNative* message)
    {
        var client = FromUserData(userData);
        if (client is null)
        {
            return;
        }

        try
        {
            if (message is null)
            {
                return;
            }

            // Copy everything out now: libmosquitto frees the message when this callback returns.
            var topic = Marshal.PtrToStringUTF8(message->Topic) ?? string.Empty;
            var payload = message->PayloadLength > 0 && message->Payload != IntPtr.Zero
                ? new ReadOnlySpan<byte>((void*)message->Payload, message->PayloadLength).ToArray()
                : [];
            var copy = new MqttMessage(topic, payload, (MqttQualityOfService)message->Qos, message->Retain != 0);
            client.MessageReceived?.Invoke(client, new MqttMessageEventArgs(copy));
        }
#pragma warning disable CA1031 // Nothing may escape into native code.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            client.ReportFault("message", exception);
        }
    }
}
