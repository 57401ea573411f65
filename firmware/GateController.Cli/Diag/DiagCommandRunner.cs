using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using GateController.Telemetry;
using GateController.Telemetry.Commands;

namespace GateController.Cli.Diag;

/// <summary>
/// Runs <c>gatectl diag send</c>: signs a command with the technician's key (HMAC-SHA-256 over unit, command,
/// technician, timestamp, nonce and argument; see <see cref="CommandSigner"/>), publishes it on
/// <c>gatecontroller/&lt;unit&gt;/cmd/&lt;name&gt;</c> and waits for the reply carrying the same nonce on
/// <c>…/reply/&lt;name&gt;</c>. Exit 0 when the unit did it, 1 when it refused or failed (the reason is printed),
/// 69 when the broker cannot be reached, 75 (EX_TEMPFAIL) when no reply came in time.
/// </summary>
internal static class DiagCommandRunner
{
    /// <summary>No reply within the timeout (EX_TEMPFAIL).</summary>
    public const int ExitTimeout = 75;

    /// <summary>Runs the command; returns the exit status.</summary>
    public static async Task<int> RunAsync(GatectlInvocation run, DiagOptions options, DiagCommandRequest request)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<string>(request.Validate());
        if (options.UnitId is null)
        {
            problems.Add("--unit is required: a command goes to one unit");
        }

        problems.AddRange(options.Validate());
        if (problems.Count > 0)
        {
            throw new GatectlException(string.Join("; ", problems), GatectlCommandLine.ExitUsage);
        }

        var key = ReadKey(request.KeyFile);
        var password = options.PasswordFile is { } passwordFile ? DiagRunner.ReadPassword(passwordFile) : null;
        DiagRunner.RequireFile("--tls-ca", options.TlsCaFile);
        DiagRunner.RequireFile("--tls-cert", options.TlsCertificateFile);
        DiagRunner.RequireFile("--tls-key", options.TlsKeyFile);
        var topics = new TelemetryTopics(options.UnitId!);
        var command = request.EffectiveCommand;
        var replyTopic = topics.Reply(command);
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        using var timeout = new CancellationTokenSource(request.Timeout, run.Environment.Time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(run.CancellationToken, timeout.Token);
        DiagSubscriber client;
        try
        {
            client = await DiagSubscriber.ConnectAsync(options, password, [replyTopic], stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new GatectlException($"cannot reach the MQTT broker {options.BrokerText}: no connection within {Seconds(request.Timeout)} s", GatectlCommandLine.ExitUnavailable);
        }

        using var connected = client;
        var timestamp = run.Environment.Time.GetUtcNow().ToUnixTimeSeconds();
        var signature = CommandSigner.Sign(key, options.UnitId!, command, request.TechnicianId, timestamp, nonce, request.Argument);
        CryptographicOperations.ZeroMemory(key);
        var payload = JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["technician"] = request.TechnicianId,
            ["timestamp"] = timestamp,
            ["nonce"] = nonce,
            ["argument"] = request.Argument,
            ["signature"] = signature,
        });
        if (!client.TryPublish(topics.Command(command), payload))
        {
            throw new GatectlException($"the command could not be sent to the MQTT broker {options.BrokerText}", GatectlCommandLine.ExitUnavailable);
        }

        try
        {
            while (await client.Messages.WaitToReadAsync(stop.Token).ConfigureAwait(false))
            {
                while (client.Messages.TryRead(out var message))
                {
                    if (message.Topic == replyTopic && TryReadReply(message.Payload.Span, nonce, out var reply))
                    {
                        return Report(run, command, reply!);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !run.CancellationToken.IsCancellationRequested)
        {
            // Handled below.
        }

        if (run.CancellationToken.IsCancellationRequested)
        {
            throw new GatectlException("interrupted before the unit replied", GatectlCommandLine.ExitFailure);
        }

        throw new GatectlException(
            $"no reply from unit {options.UnitId} to {command} within {Seconds(request.Timeout)} s (is the unit online and subscribed to {options.BrokerText}?)",
            ExitTimeout);
    }

    /// <summary>Reads a reply document; true only when it carries <paramref name="nonce"/>.</summary>
    internal static bool TryReadReply(ReadOnlySpan<byte> payload, string nonce, out JsonObject? reply)
    {
        reply = null;
        try
        {
            if (JsonNode.Parse(payload) is JsonObject document
                && document["nonce"] is JsonValue value && value.TryGetValue<string>(out var replyNonce) && replyNonce == nonce
                && document["ok"] is JsonValue ok && ok.TryGetValue<bool>(out _))
            {
                reply = document;
                return true;
            }
        }
        catch (JsonException)
        {
            // Not a reply of ours.
        }

        return false;
    }

    /// <summary>Reads the technician's key file: base64 of at least 32 bytes on its first line.</summary>
    internal static byte[] ReadKey(string path)
    {
        string? line;
        try
        {
            using var reader = new StreamReader(path);
            line = reader.ReadLine();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new GatectlException($"--key-file '{path}': {exception.Message}", GatectlCommandLine.ExitUsage);
        }

        var key = new byte[((line?.Length ?? 0) * 3 / 4) + 3];
        if (line is null || !Convert.TryFromBase64String(line.Trim(), key, out var written) || written < 32)
        {
            throw new GatectlException($"--key-file '{path}' must hold the technician's key as base64 (32 bytes or more), as gatectl technician add writes it", GatectlCommandLine.ExitUsage);
        }

        var exact = key[..written];
        CryptographicOperations.ZeroMemory(key);
        return exact;
    }

    private static int Report(GatectlInvocation run, string command, JsonObject reply)
    {
        var ok = reply["ok"]!.GetValue<bool>();
        if (run.Json)
        {
            run.Output.WriteLine(GatectlInvocation.ToJson(reply));
        }
        else if (ok)
        {
            run.Output.WriteLine($"{command}: {GatectlInvocation.Text(reply["result"])}");
        }
        else
        {
            run.Error.WriteLine($"gatectl: {command} refused: {GatectlInvocation.Text(reply["reason"])}");
        }

        run.Output.Flush();
        return ok ? 0 : GatectlCommandLine.ExitFailure;
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
