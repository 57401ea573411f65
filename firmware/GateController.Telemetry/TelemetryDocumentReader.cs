using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using GateController.Telemetry.Events;
using GateController.Telemetry.Health;

namespace GateController.Telemetry;

/// <summary>
/// Reads the documents a unit publishes (<c>…/health</c>, <c>…/events</c>) for tools such as <c>gatectl diag</c>.
/// A malformed payload is an expected outcome: false with a one-line reason, never an exception.
/// </summary>
public static class TelemetryDocumentReader
{
    /// <summary>Reads a health document.</summary>
    public static bool TryReadHealth(ReadOnlySpan<byte> payload, [NotNullWhen(true)] out HealthDocument? document, [NotNullWhen(false)] out string? problem)
    {
        document = TryRead(payload, static bytes => JsonSerializer.Deserialize(bytes, TelemetryJsonContext.Default.HealthDocument), out problem);
        return document is not null;
    }

    /// <summary>Reads an event document.</summary>
    public static bool TryReadEvent(ReadOnlySpan<byte> payload, [NotNullWhen(true)] out EventDocument? document, [NotNullWhen(false)] out string? problem)
    {
        document = TryRead(payload, static bytes => JsonSerializer.Deserialize(bytes, TelemetryJsonContext.Default.EventDocument), out problem);
        if (document is { Door: null })
        {
            problem = "the event names no door";
            document = null;
        }

        return document is not null;
    }

    private delegate T? Reader<T>(ReadOnlySpan<byte> payload);

    private static T? TryRead<T>(ReadOnlySpan<byte> payload, Reader<T> read, out string? problem)
        where T : class
    {
        if (payload.IsEmpty)
        {
            problem = "the payload is empty";
            return null;
        }

        try
        {
            var document = read(payload);
            problem = document is null ? "the payload is JSON null" : null;
            return document;
        }
        catch (JsonException exception)
        {
            problem = "not valid JSON for this document: " + exception.Message;
            return null;
        }
        catch (NotSupportedException exception)
        {
            problem = "not valid JSON for this document: " + exception.Message;
            return null;
        }
    }
}
