using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text.Json;
using GateController.Service.Face;
using GateController.Service.Simulation;
using GateController.Storage;


namespace GateController.Service.Admin;

/// <summary>
/// The admin API: newline-delimited JSON over a Unix domain socket (mode 0660, group configurable). Each request
/// line <c>{"command": "...", "operator": "...", "args": {...}}</c> gets one reply line <c>{"ok": true, "result": {...}}</c>
/// or <c>{"ok": false, "error": "one-line reason"}</c>. A request longer than
/// <see cref="AdminServerOptions.MaximumRequestBytes"/> or not valid JSON gets an error reply; the connection and the
/// service go on.
/// </summary>
public sealed class AdminServer : IDisposable
{
    private const int ListenBacklog = 128;

    private const UnixFileMode SocketMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;

    private readonly AdminServerOptions _options;
    private readonly AdminCommandHandler _handler;
    private readonly ConcurrentDictionary<Task, byte> _connections = new();
    private Socket? _listener;
    private bool _disposed;

    /// <summary>
    /// Creates the server; throws <see cref="ArgumentException"/> listing every problem with <paramref name="options"/> or
    /// <paramref name="privacy"/> (the configuration <c>report.pia</c> draws on; without it that report is refused).
    /// </summary>
    public AdminServer(
        IGateStore store, AdminServerOptions options, TimeProvider timeProvider, AdminConsentSettings? consent = null, IManualDoorRelease? door = null, FaceRecognition? face = null,
        IServiceStatusSource? service = null, ISimulationControl? simulation = null, PrivacyReportSettings? privacy = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid admin API settings: " + string.Join("; ", problems), nameof(options));
        }

        _options = options;
        if (privacy?.Validate() is { Count: > 0 } privacyProblems)
        {
            throw new ArgumentException("invalid privacy report settings: " + string.Join("; ", privacyProblems), nameof(privacy));
        }

        _handler = new AdminCommandHandler(store, options, consent, door, timeProvider, face, service, simulation, privacy);
    }

    /// <summary>The socket's path.</summary>
    public string SocketPath => _options.SocketPath;

    /// <summary>
    /// Binds the socket (mode 0660, the configured group) and starts listening; a stale socket file left by a previous
    /// run is replaced, a live one is refused. Throws <see cref="IOException"/> naming the path on failure.
    /// </summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_listener is not null)
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("the admin socket needs Unix file modes");
        }

        var path = _options.SocketPath;
        RemoveStaleSocket(path);
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(path));
            File.SetUnixFileMode(path, SocketMode);
            if (_options.SocketGroup is { } group)
            {
                UnixGroups.ChangeGroup(path, group);
            }

            listener.Listen(ListenBacklog);
        }
        catch (SocketException ex)
        {
            listener.Dispose();
            throw new IOException($"cannot listen on admin socket {path}: {ex.Message} (errno {ex.ErrorCode})", ex);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        _listener = listener;
    }

    /// <summary>Serves requests until <paramref name="cancellationToken"/> is cancelled, then removes the socket file.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Start();
        var listener = _listener!;
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                Socket client;
                try
                {
                    client = await listener.AcceptAsync(stopping.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                var connection = ServeAsync(client, stopping.Token);
                _connections.TryAdd(connection, 0);
                _ = connection.ContinueWith(t => _connections.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
        finally
        {
            await stopping.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(_connections.Keys).ConfigureAwait(false);
            Stop();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_disposed)
        {
            Stop();
            _disposed = true;
        }
    }

    private static void RemoveStaleSocket(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(path));
        }
        catch (SocketException)
        {
            File.Delete(path);
            return;
        }

        throw new IOException($"admin socket {path} is in use by another running service");
    }

    private void Stop()
    {
        if (_listener is { } listener)
        {
            _listener = null;
            listener.Dispose();
            try
            {
                File.Delete(_options.SocketPath);
            }
            catch (IOException)
            {
                // Already gone or replaced; nothing to clean up.
            }
        }
    }

    private async Task ServeAsync(Socket client, CancellationToken cancellationToken)
    {
        await Task.Yield();
        using var socket = client;
        using var stream = new NetworkStream(socket, ownsSocket: false);
        var buffer = new byte[64 * 1024];
        using var pending = new MemoryStream();
        var discarding = false;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                var start = 0;
                while (start < read)
                {
                    var newline = Array.IndexOf(buffer, (byte)'\n', start, read - start);
                    var end = newline < 0 ? read : newline;
                    if (!discarding)
                    {
                        if (pending.Length + (end - start) > _options.MaximumRequestBytes)
                        {
                            discarding = true;
                            pending.SetLength(0);
                            await ReplyAsync(stream, AdminResponse.Failure($"request longer than {_options.MaximumRequestBytes} bytes; it was not read"), cancellationToken).ConfigureAwait(false);
                        }
                        else
                        {
                            pending.Write(buffer, start, end - start);
                        }
                    }

                    if (newline < 0)
                    {
                        break;
                    }

                    if (!discarding)
                    {
                        var line = pending.GetBuffer().AsMemory(0, (int)pending.Length);
                        if (!IsBlank(line.Span))
                        {
                            var response = await HandleLineAsync(line, cancellationToken).ConfigureAwait(false);
                            await ReplyAsync(stream, response, cancellationToken).ConfigureAwait(false);
                        }
                    }

                    discarding = false;
                    pending.SetLength(0);
                    start = newline + 1;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The service is stopping.
        }
        catch (IOException)
        {
            // The client went away mid-reply.
        }
        catch (SocketException)
        {
            // The client went away.
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                return false;
            }
        }

        return true;
    }

    private async Task<AdminResponse> HandleLineAsync(ReadOnlyMemory<byte> line, CancellationToken cancellationToken)
    {
        AdminRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(line.Span, AdminJsonContext.Default.AdminRequest);
        }
        catch (JsonException ex)
        {
            return AdminResponse.Failure($"malformed JSON request: {ex.Message}");
        }

        if (request is null)
        {
            return AdminResponse.Failure("the request must be a JSON object");
        }

        try
        {
            return AdminResponse.Success(await _handler.HandleAsync(request, cancellationToken).ConfigureAwait(false));
        }
        catch (AdminCommandException ex)
        {
            return AdminResponse.Failure(ex.Message);
        }
        catch (StoreException ex)
        {
            return AdminResponse.Failure(ex.Message);
        }
        catch (ArgumentException ex)
        {
            return AdminResponse.Failure(ex.Message);
        }
        catch (IOException ex)
        {
            return AdminResponse.Failure(ex.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // One bad request must never stop the service; the reply names the fault's type only.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return AdminResponse.Failure($"internal error ({ex.GetType().Name}); the request was not carried out");
        }
    }

    private static async Task ReplyAsync(NetworkStream stream, AdminResponse response, CancellationToken cancellationToken)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(response, AdminJsonContext.Default.AdminResponse);
        await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
    }
}
