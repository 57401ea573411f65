using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace GateController.Telemetry.Health;

/// <summary>
/// Pure parsers for the /proc and /sys text the health probe reads. Malformed text gives false and a reason,
/// never an exception.
/// </summary>
public static class ProcFileParsers
{
    /// <summary>Parses <c>/proc/uptime</c> ("12345.67 54321.00"): seconds since boot.</summary>
    public static bool TryParseUptime(string? text, out TimeSpan uptime, [NotNullWhen(false)] out string? error)
    {
        uptime = default;
        var fields = Fields(text);
        if (fields.Length < 1)
        {
            error = "/proc/uptime is empty";
            return false;
        }

        if (!TryParseNonNegativeDouble(fields[0], out var seconds) || seconds > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            error = $"/proc/uptime: '{Clip(fields[0])}' is not a number of seconds";
            return false;
        }

        uptime = TimeSpan.FromSeconds(seconds);
        error = null;
        return true;
    }

    /// <summary>Parses <c>/proc/loadavg</c> ("0.52 0.58 0.59 1/389 12345"): the one-minute load average.</summary>
    public static bool TryParseLoadAverage(string? text, out double oneMinute, [NotNullWhen(false)] out string? error)
    {
        oneMinute = default;
        var fields = Fields(text);
        if (fields.Length < 3)
        {
            error = "/proc/loadavg has fewer than three load averages";
            return false;
        }

        if (!TryParseNonNegativeDouble(fields[0], out oneMinute))
        {
            error = $"/proc/loadavg: '{Clip(fields[0])}' is not a load average";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>Parses <c>/proc/meminfo</c>: MemTotal and MemAvailable, in bytes.</summary>
    public static bool TryParseMemoryInfo(string? text, out long totalBytes, out long availableBytes, [NotNullWhen(false)] out string? error)
    {
        totalBytes = default;
        availableBytes = default;
        if (!TryFindKilobytes(text, "MemTotal:", "/proc/meminfo", out var total, out error)
            || !TryFindKilobytes(text, "MemAvailable:", "/proc/meminfo", out var available, out error))
        {
            return false;
        }

        if (available > total)
        {
            error = "/proc/meminfo: MemAvailable is larger than MemTotal";
            return false;
        }

        totalBytes = total;
        availableBytes = available;
        return true;
    }

    /// <summary>Parses <c>/proc/self/status</c>: VmRSS, the process's resident memory, in bytes.</summary>
    public static bool TryParseProcessResidentBytes(string? text, out long residentBytes, [NotNullWhen(false)] out string? error) =>
        TryFindKilobytes(text, "VmRSS:", "/proc/self/status", out residentBytes, out error);

    /// <summary>Parses a thermal zone's <c>temp</c> file (millidegrees Celsius, e.g. "48312") into degrees Celsius.</summary>
    public static bool TryParseThermalMillidegrees(string? text, out double celsius, [NotNullWhen(false)] out string? error)
    {
        celsius = default;
        var fields = Fields(text);
        if (fields.Length != 1)
        {
            error = "thermal zone temp must hold one number";
            return false;
        }

        if (!long.TryParse(fields[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var millidegrees)
            || millidegrees is < -273_150 or > 1_000_000)
        {
            error = $"thermal zone temp: '{Clip(fields[0])}' is not a temperature in millidegrees";
            return false;
        }

        celsius = millidegrees / 1000.0;
        error = null;
        return true;
    }

    private static bool TryFindKilobytes(string? text, string key, string file, out long bytes, [NotNullWhen(false)] out string? error)
    {
        bytes = default;
        foreach (var rawLine in (text ?? string.Empty).Split('\n'))
        {
            var line = rawLine.Trim();
            if (!line.StartsWith(key, StringComparison.Ordinal))
            {
                continue;
            }

            var fields = Fields(line[key.Length..]);
            if (fields.Length != 2 || !string.Equals(fields[1], "kB", StringComparison.Ordinal)
                || !long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kilobytes)
                || kilobytes > long.MaxValue / 1024)
            {
                error = $"{file}: '{key}' line is not a number of kB";
                return false;
            }

            bytes = kilobytes * 1024;
            error = null;
            return true;
        }

        error = $"{file}: no '{key}' line";
        return false;
    }

    private static string[] Fields(string? text) =>
        (text ?? string.Empty).Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

    private static bool TryParseNonNegativeDouble(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static string Clip(string text) => text.Length <= 32 ? text : text[..32] + "…";
}
