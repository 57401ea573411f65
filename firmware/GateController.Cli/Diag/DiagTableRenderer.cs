using System.Globalization;
using System.Text;
using GateController.Core.Readers;
using GateController.Telemetry;
using GateController.Telemetry.Health;

namespace GateController.Cli.Diag;

/// <summary>
/// Draws <c>gatectl diag</c>'s table: one row per unit, then the recent alarms and the notes. With colour, trouble
/// (offline, alarms, fire, tamper, faulted readers, degraded subsystems) is red and warnings yellow; without, the
/// same cells are in capitals and every alarm line starts with <c>!! ALARM</c>.
/// </summary>
internal static class DiagTableRenderer
{
    private const string Red = "\u001b[1;31m";
    private const string Yellow = "\u001b[33m";
    private const string Reset = "\u001b[0m";
    private const string None = "—";

    private static readonly string[] Headers =
    [
        "UNIT", "STATUS", "FIRMWARE", "UPTIME", "CPU", "LOAD", "MEM FREE", "DISK FREE", "CLOCK", "STORE r/c/f/consents",
        "READERS", "CAMERA", "FACE p50/p95", "FACES match/none/quality/liveness", "DOOR", "DEGRADED",
    ];

    /// <summary>The whole screen, ending with a newline.</summary>
    /// <param name="dashboard">What is known.</param>
    /// <param name="title">The first line (broker, filter).</param>
    /// <param name="color">Whether to use ANSI colours.</param>
    public static string Render(DiagDashboard dashboard, string title, bool color)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var text = new StringBuilder();
        text.Append(title).Append('\n');
        if (dashboard.Units.Count == 0)
        {
            text.Append("waiting for units…\n");
        }
        else
        {
            AppendTable(text, dashboard.Units.Select(Row).ToList(), color);
        }

        if (dashboard.RecentAlarms.Count > 0)
        {
            text.Append("\nrecent alarms (newest first):\n");
            foreach (var alarm in dashboard.RecentAlarms)
            {
                var e = alarm.Event;
                var line = string.Create(CultureInfo.InvariantCulture, $"!! ALARM {e.At.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z  {alarm.UnitId}  {e.Kind}  door {e.Door}{(e.Reason is null ? string.Empty : "  " + e.Reason)}");
                text.Append(color ? Red + line + Reset : line).Append('\n');
            }
        }

        if (dashboard.Notes.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nskipped documents: {dashboard.Skipped} (latest first):\n");
            foreach (var note in dashboard.Notes)
            {
                text.Append("  ").Append(note).Append('\n');
            }
        }

        return text.ToString();
    }

    private static void AppendTable(StringBuilder text, List<Cell[]> rows, bool color)
    {
        var widths = Headers.Select((header, i) => Math.Max(header.Length, rows.Max(r => r[i].Text.Length))).ToArray();
        text.Append(string.Join("  ", Headers.Select((header, i) => header.PadRight(widths[i]))).TrimEnd()).Append('\n');
        foreach (var row in rows)
        {
            var cells = row.Select((cell, i) =>
            {
                var padded = i == row.Length - 1 ? cell.Text : cell.Text.PadRight(widths[i]);
                return !color || cell.Mark == Mark.None ? padded : (cell.Mark == Mark.Trouble ? Red : Yellow) + padded + Reset;
            });
            text.Append(string.Join("  ", cells).TrimEnd()).Append('\n');
        }
    }

    private static Cell[] Row(DiagUnitView unit)
    {
        var health = unit.Health;
        return
        [
            new(unit.UnitId),
            StatusCell(unit.Status),
            new(health is null || health.FirmwareVersion.Length == 0 ? None : health.FirmwareVersion),
            new(health is null ? None : Uptime(health.UptimeSeconds)),
            new(health?.CpuTemperatureCelsius is { } celsius ? Number(celsius, "0.0") + "°C" : None, health?.CpuTemperatureCelsius >= 80 ? Mark.Warning : Mark.None),
            new(health?.LoadAverage1Minute is { } load ? Number(load, "0.00") : None),
            new(health?.MemoryAvailableBytes is { } available ? Mebibytes(available) + (health.MemoryTotalBytes is { } total ? "/" + Mebibytes(total) : string.Empty) + " MiB" : None),
            new(health?.DiskFreeBytes is { } disk ? Gibibytes(disk) : None),
            ClockCell(health?.ClockSynchronized),
            StoreCell(health?.Store),
            ReadersCell(health?.Readers),
            new(health?.CameraFramesPerSecond is { } fps ? Number(fps, "0.0") + " fps" : None),
            new(health?.FaceLatencyP50Milliseconds is { } p50 ? $"{Number(p50, "0")}/{(health.FaceLatencyP95Milliseconds is { } p95 ? Number(p95, "0") : "?")} ms" : None),
            new(health?.FaceCounters is { } faces
                ? string.Create(CultureInfo.InvariantCulture, $"{faces.Matched}/{faces.Unmatched}/{faces.RejectedByQuality}/{faces.RejectedByLiveness}")
                : None),
            DoorCell(health?.Door),
            DegradedCell(health?.Degraded),
        ];
    }

    private static Cell StatusCell(string? status) => status switch
    {
        TelemetryStatus.Online => new("online"),
        TelemetryStatus.Offline => new("OFFLINE", Mark.Trouble),
        TelemetryStatus.Stopped => new("stopped", Mark.Warning),
        _ => new(None),
    };

    private static Cell ClockCell(bool? synchronized) => synchronized switch
    {
        true => new("ntp"),
        false => new("UNSYNCED", Mark.Warning),
        null => new(None),
    };

    private static Cell StoreCell(HealthStoreCounts? store)
    {
        if (store is null)
        {
            return new(None);
        }

        var text = string.Create(CultureInfo.InvariantCulture, $"{store.Residents}/{store.Cards}/{store.FaceTemplates}/{store.ActiveConsents}");
        return store.FaceTemplateWarning is null ? new(text) : new(text + " FACE-LIMIT", Mark.Warning);
    }

    private static Cell ReadersCell(IReadOnlyList<HealthReader>? readers)
    {
        if (readers is null || readers.Count == 0)
        {
            return new(None);
        }

        var text = string.Join(", ", readers.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.ReaderId}:{ReaderStateText(r.State)} {r.GoodFrames}/{r.BadFrames}")));
        var trouble = readers.Any(r => r.State is ReaderState.Faulted or ReaderState.Flooding);
        return new(text, trouble ? Mark.Trouble : Mark.None);
    }

    private static string ReaderStateText(ReaderState state) => state switch
    {
        ReaderState.Ok => "ok",
        ReaderState.Starting => "starting",
        ReaderState.Stopped => "stopped",
        ReaderState.Flooding => "FLOODING",
        ReaderState.Faulted => "FAULTED",
        _ => state.ToString(),
    };

    private static Cell DoorCell(HealthDoorState? door)
    {
        if (door is null)
        {
            return new(None);
        }

        var parts = new List<string>
        {
            door.Locked switch { true => "locked", false => "unlocked", null => "lock?" },
            door.Open switch { true => "open", false => "closed", null => "no-contact" },
        };
        if (door.FireAlarm)
        {
            parts.Add("FIRE");
        }

        if (door.Tamper)
        {
            parts.Add("TAMPER");
        }

        return new(string.Join(' ', parts), door.FireAlarm || door.Tamper ? Mark.Trouble : Mark.None);
    }

    private static Cell DegradedCell(IReadOnlyList<HealthSubsystem>? degraded)
    {
        if (degraded is null || degraded.Count == 0)
        {
            return new("none");
        }

        return new(string.Join("; ", degraded.Select(d => $"{d.Name.ToUpperInvariant()}: {Shorten(d.LastError, 48)}")), Mark.Trouble);
    }

    private static string Shorten(string text, int length)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= length ? line : line[..(length - 1)] + "…";
    }

    private static string Uptime(long seconds)
    {
        var span = TimeSpan.FromSeconds(Math.Max(0, seconds));
        return span.TotalDays >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays}d{span.Hours:00}h")
            : span.TotalHours >= 1
                ? string.Create(CultureInfo.InvariantCulture, $"{span.Hours}h{span.Minutes:00}m")
                : string.Create(CultureInfo.InvariantCulture, $"{span.Minutes}m{span.Seconds:00}s");
    }

    private static string Number(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Mebibytes(long bytes) => (bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture);

    private static string Gibibytes(long bytes) => (bytes / (1024.0 * 1024 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " GiB";

    private enum Mark
    {
        None,
        Warning,
        Trouble,
    }

    private readonly record struct Cell(string Text, Mark Mark = Mark.None);
}
