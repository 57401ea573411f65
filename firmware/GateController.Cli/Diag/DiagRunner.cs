using System.Globalization;
using System.Text;
using System.Text.Json;
using GateController.Telemetry.Mqtt;

namespace GateController.Cli.Diag;

/// <summary>
/// Runs <c>gatectl diag</c>: a table of every unit's health refreshed in place (redrawn after each batch of
/// documents), or with <c>--json</c> one line per document. Stops after <c>--count</c> documents, after
/// <c>--duration</c>, or on Ctrl+C; malformed documents are skipped with a note, never fatal.
/// </summary>
internal static class DiagRunner
{
    private const string ClearScreen = "\u001b[H\u001b[2J";

    /// <summary>Runs the command; returns the exit status.</summary>
    public static async Task<int> RunAsync(GatectlInvocation run, DiagOptions options)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new GatectlException(string.Join("; ", problems), GatectlCommandLine.ExitUsage);
        }

        RequireFile("--tls-ca", options.TlsCaFile);
        RequireFile("--tls-cert", options.TlsCertificateFile);
        RequireFile("--tls-key", options.TlsKeyFile);
        var password = options.PasswordFile is { } passwordFile ? ReadPassword(passwordFile) : null;
        using var duration = options.Duration is { } span ? new CancellationTokenSource(span, run.Environment.Time) : new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(run.CancellationToken, duration.Token);
        DiagSubscriber subscriber;
        try
        {
            subscriber = await DiagSubscriber.ConnectAsync(options, password, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Ctrl+C or --duration while connecting: nothing to show.
            return 0;
        }

        using var connected = subscriber;
        var terminal = ReferenceEquals(run.Output, Console.Out) && !Console.IsOutputRedirected;
        var dashboard = new DiagDashboard();
        var documents = 0;
        var drawn = true;
        try
        {
            while (await subscriber.Messages.WaitToReadAsync(stop.Token).ConfigureAwait(false))
            {
                while (subscriber.Messages.TryRead(out var message))
                {
                    if (!DiagTopic.TryParse(message.Topic, out var unitId, out var kind))
                    {
                        continue;
                    }

                    var accepted = options.Json
                        ? WriteJsonLine(run, message, unitId, kind)
                        : dashboard.Apply(unitId, kind, message.Payload.Span, run.Environment.Time.GetUtcNow()) is null;
                    drawn &= options.Json;
                    if (accepted && ++documents >= options.Count)
                    {
                        return Finish(run, options, dashboard, terminal, drawn);
                    }
                }

                if (!options.Json)
                {
                    Draw(run, options, dashboard, terminal);
                    drawn = true;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // --duration elapsed or Ctrl+C.
        }

        return Finish(run, options, dashboard, terminal, drawn);
    }

    private static int Finish(GatectlInvocation run, DiagOptions options, DiagDashboard dashboard, bool terminal, bool drawn)
    {
        if (!options.Json && !drawn)
        {
            Draw(run, options, dashboard, terminal);
        }

        run.Output.Flush();
        return 0;
    }

    private static void Draw(GatectlInvocation run, DiagOptions options, DiagDashboard dashboard, bool terminal)
    {
        var now = run.Environment.Time.GetUtcNow();
        var title = string.Create(CultureInfo.InvariantCulture, $"gatectl diag  {options.BrokerText}  {(options.UnitId is null ? "all units" : "unit " + options.UnitId)}  {now.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC");
        var screen = DiagTableRenderer.Render(dashboard, title, color: terminal);
        run.Output.Write(terminal ? ClearScreen + screen : screen + "\n");
        run.Output.Flush();
    }

    /// <summary>Writes one document as a JSON line; a malformed one is noted on standard error and skipped (false).</summary>
    private static bool WriteJsonLine(GatectlInvocation run, MqttMessage message, string unitId, DiagDocumentKind kind)
    {
        var payload = message.Payload.Span;
        if (DiagDashboard.Check(kind, payload) is { } problem)
        {
            run.Error.WriteLine($"gatectl: skipped a malformed {DiagDashboard.Describe(kind)} from {unitId}: {problem}");
            return false;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("unit", unitId);
            writer.WriteString("kind", kind.ToString().ToLowerInvariant());
            writer.WriteString("topic", message.Topic);
            writer.WriteBoolean("retained", message.Retained);
            writer.WriteString("receivedAt", run.Environment.Time.GetUtcNow());
            writer.WritePropertyName("document");
            if (kind == DiagDocumentKind.Status)
            {
                writer.WriteStringValue(payload);
            }
            else
            {
                using var document = JsonDocument.Parse(message.Payload);
                document.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        run.Output.WriteLine(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        run.Output.Flush();
        return true;
    }

    internal static void RequireFile(string option, string? path)
    {
        if (path is not null && !File.Exists(path))
        {
            throw new GatectlException($"{option} '{path}': no such file", GatectlCommandLine.ExitUsage);
        }
    }

    internal static string ReadPassword(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            return reader.ReadLine() ?? throw new GatectlException($"--password-file '{path}' is empty", GatectlCommandLine.ExitUsage);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new GatectlException($"--password-file '{path}': {exception.Message}", GatectlCommandLine.ExitUsage);
        }
    }
}
