using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace GateController.Cli.Tests.Crash;

/// <summary>One connection to the admin socket speaking the JSON-lines protocol: one request, one reply.</summary>
internal sealed class AdminLineClient : IDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly StreamReader _reader;

    private AdminLineClient(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: false);
        _reader = new StreamReader(_stream, Encoding.UTF8);
    }

    /// <summary>Connects, or returns null when nothing is listening on the socket yet.</summary>
    public static async Task<AdminLineClient?> TryConnectAsync(string socketPath, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
            return new AdminLineClient(socket);
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }
    }

    /// <summary>Sends one request; returns the reply, or null when the connection died before a reply arrived.</summary>
    public async Task<JsonObject?> TrySendAsync(string command, string operatorName, JsonObject args, CancellationToken cancellationToken)
    {
        var request = new JsonObject { ["command"] = command, ["operator"] = operatorName, ["args"] = args };
        try
        {
            await _stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToJsonString() + "\n"), cancellationToken);
            var line = await _reader.ReadLineAsync(cancellationToken);
            return line is null ? null : JsonNode.Parse(line)!.AsObject();
        }
        catch (IOException)
        {
            return null;
        }
        catch (SocketException)
        {
            return null;
        }
    }

    /// <summary>Sends one request to a live service and returns the reply; a dead connection fails the test.</summary>
    public async Task<JsonObject> SendAsync(string command, string operatorName, JsonObject args, CancellationToken cancellationToken) =>
        await TrySendAsync(command, operatorName, args, cancellationToken)
        ?? throw new Xunit.Sdk.XunitException($"the service closed the connection on {command}");

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
        _socket.Dispose();
    }
}
