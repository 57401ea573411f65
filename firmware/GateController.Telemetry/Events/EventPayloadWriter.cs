using System.Buffers;
using System.Text.Json;

namespace GateController.Telemetry.Events;

/// <summary>
/// Serialises events for <c>…/events</c> into one reused buffer, for the single thread that publishes them: the bytes
/// are the same as <see cref="JsonSerializer.SerializeToUtf8Bytes{TValue}(TValue, JsonSerializerOptions?)"/> would give,
/// without a new array per event. A returned span is valid until the next call.
/// </summary>
internal sealed class EventPayloadWriter : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new(512);
    private readonly Utf8JsonWriter _writer;

    /// <summary>Creates the writer.</summary>
    public EventPayloadWriter()
    {
        var options = TelemetryJsonContext.Default.Options;
        _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = options.Encoder, Indented = options.WriteIndented, MaxDepth = options.MaxDepth });
    }

    /// <summary>
    /// The event's wire form, valid until the next call; <paramref name="includeResidentIds"/> as
    /// <see cref="TelemetryOptions.PublishResidentIds"/> at the time of writing (it can change while the unit runs).
    /// </summary>
    public ReadOnlySpan<byte> Write(in QueuedTelemetryEvent queued, bool includeResidentIds)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        JsonSerializer.Serialize(_writer, EventDocument.From(queued.Event, queued.Sequence, includeResidentIds), TelemetryJsonContext.Default.EventDocument);
        _writer.Flush();
        return _buffer.WrittenSpan;
    }

    public void Dispose() => _writer.Dispose();
}
