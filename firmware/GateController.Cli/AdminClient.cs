using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GateController.Cli;

/// <summary>Sends one admin API request over the service's Unix socket and reads its one-line reply.</summary>
internal static class AdminClient
{
    /// <summary>Runs <paramref name="command"/>; returns the result, or throws <see cref="GatectlException"/> with the service's reason.</summary>
    public static async Task<JsonObject> CallAsync(string socketPath, string command, string? operatorName, JsonObject args, CancellationToken cancellationToken)
    {
        var request = new JsonObject { ["command"] = command, ["operator"] = operatorName, ["args"] = args };
        using var socket = await ConnectAsync(socketPath, cancellationToken).ConfigureAwait(false);

        using var stream = new NetworkStream(socket, ownsSocket: false);
        var line = Encoding.UTF8.GetBytes(request.ToJsonString() + "\n");
        await stream.WriteAsync(line, cancellationToken).ConfigureAwait(false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var reply = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new GatectlException($"gatecontrollerd at {socketPath} closed the connection without a reply", GatectlCommandLine.ExitUnavailable);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(reply);
        }
        catch (JsonException ex)
        {
            throw new GatectlException($"gatecontrollerd sent a reply that is not JSON: {ex.Message}", GatectlCommandLine.ExitUnavailable);
        }

        if (node is not JsonObject answer || answer["ok"]?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw new GatectlException("gatecontrollerd sent a reply without \"ok\"", GatectlCommandLine.ExitUnavailable);
        }

        if (!answer["ok"]!.GetValue<bool>())
        {
            throw new GatectlException(answer["error"]?.GetValue<string>() ?? "the service refused the request without a reason");
        }

        return answer["result"] as JsonObject ?? [];
    }

    /// <summary>Connects, retrying a few times while the service's listen queue is full (EAGAIN).</summary>
    private static async Task<Socket> ConnectAsync(string socketPath, CancellationToken cancellationToken)
    {
        const int attempts = 5;
        for (var attempt = 1; ; attempt++)
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
                return socket;
            }
            catch (SocketException ex) when (attempt < attempts && ex.SocketErrorCode is SocketError.TryAgain or SocketError.WouldBlock)
            {
                socket.Dispose();
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                throw new GatectlException($"cannot reach gatecontrollerd at {socketPath}: {ex.Message}", GatectlCommandLine.ExitUnavailable);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
    }
}
