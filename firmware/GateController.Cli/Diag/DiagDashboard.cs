using System.Text;
using GateController.Telemetry;

namespace GateController.Cli.Diag;

/// <summary>
/// The state behind <c>gatectl diag</c>'s table: one view per unit, the recent alarms (newest first) and notes about
/// documents that were skipped. Malformed documents never throw: they are counted and noted.
/// </summary>
internal sealed class DiagDashboard
{
    /// <summary>Alarms kept for the table.</summary>
    public const int AlarmsKept = 10;

    /// <summary>Notes kept for the table.</summary>
    public const int NotesKept = 5;

    private readonly SortedDictionary<string, DiagUnitView> _units = new(StringComparer.Ordinal);
    private readonly LinkedList<DiagAlarm> _alarms = new();
    private readonly LinkedList<string> _notes = new();

    /// <summary>Every unit heard from, by id.</summary>
    public IReadOnlyCollection<DiagUnitView> Units => _units.Values;

    /// <summary>The recent alarms, newest first.</summary>
    public IReadOnlyCollection<DiagAlarm> RecentAlarms => _alarms;

    /// <summary>Notes about skipped documents, newest first.</summary>
    public IReadOnlyCollection<string> Notes => _notes;

    /// <summary>Documents skipped because they were malformed.</summary>
    public long Skipped { get; private set; }

    /// <summary>Checks a document without applying it; returns the problem, or null when it is well formed.</summary>
    public static string? Check(DiagDocumentKind kind, ReadOnlySpan<byte> payload) => kind switch
    {
        DiagDocumentKind.Status => TryReadStatus(payload, out _, out var problem) ? null : problem,
        DiagDocumentKind.Health => TelemetryDocumentReader.TryReadHealth(payload, out _, out var problem) ? null : problem,
        _ => TelemetryDocumentReader.TryReadEvent(payload, out _, out var problem) ? null : problem,
    };

    /// <summary>Reads a status payload: online, offline or stopped.</summary>
    public static bool TryReadStatus(ReadOnlySpan<byte> payload, out string status, out string? problem)
    {
        status = string.Empty;
        if (payload.Length > 16)
        {
            problem = $"a status of {payload.Length} bytes is not online, offline or stopped";
            return false;
        }

        var text = Encoding.UTF8.GetString(payload);
        if (text is not (TelemetryStatus.Online or TelemetryStatus.Offline or TelemetryStatus.Stopped))
        {
            problem = "the status is not online, offline or stopped";
            return false;
        }

        status = text;
        problem = null;
        return true;
    }

    /// <summary>Applies a document received at <paramref name="receivedAt"/>; returns a note when it was skipped, else null.</summary>
    public string? Apply(string unitId, DiagDocumentKind kind, ReadOnlySpan<byte> payload, DateTimeOffset receivedAt)
    {
        var problem = kind switch
        {
            DiagDocumentKind.Status => ApplyStatus(unitId, payload),
            DiagDocumentKind.Health => ApplyHealth(unitId, payload, receivedAt),
            _ => ApplyEvent(unitId, payload),
        };
        if (problem is null)
        {
            return null;
        }

        Skipped++;
        var note = $"skipped a malformed {Describe(kind)} from {unitId}: {problem}";
        Keep(_notes, note, NotesKept);
        return note;
    }

    /// <summary>The name of a document kind in messages.</summary>
    public static string Describe(DiagDocumentKind kind) => kind switch
    {
        DiagDocumentKind.Status => "status",
        DiagDocumentKind.Health => "health document",
        _ => "event",
    };

    private string? ApplyStatus(string unitId, ReadOnlySpan<byte> payload)
    {
        if (!TryReadStatus(payload, out var status, out var problem))
        {
            return problem;
        }

        Unit(unitId).Status = status;
        return null;
    }

    private string? ApplyHealth(string unitId, ReadOnlySpan<byte> payload, DateTimeOffset receivedAt)
    {
        if (!TelemetryDocumentReader.TryReadHealth(payload, out var health, out var problem))
        {
            return problem;
        }

        var view = Unit(unitId);
        view.Health = health;
        view.HealthReceivedAt = receivedAt;
        return null;
    }

    private string? ApplyEvent(string unitId, ReadOnlySpan<byte> payload)
    {
        if (!TelemetryDocumentReader.TryReadEvent(payload, out var document, out var problem))
        {
            return problem;
        }

        var view = Unit(unitId);
        view.LastEvent = document;
        view.Events++;
        if (document.Alarm)
        {
            view.Alarms++;
            Keep(_alarms, new DiagAlarm(unitId, document), AlarmsKept);
        }

        return null;
    }

    private DiagUnitView Unit(string unitId)
    {
        if (!_units.TryGetValue(unitId, out var view))
        {
            view = new DiagUnitView(unitId);
            _units.Add(unitId, view);
        }

        return view;
    }

    private static void Keep<T>(LinkedList<T> list, T item, int capacity)
    {
        list.AddFirst(item);
        while (list.Count > capacity)
        {
            list.RemoveLast();
        }
    }
}
