using System.Globalization;
using System.Reflection;

namespace GateController.Telemetry.Health;

/// <summary>
/// Reads the unit's facts for health: firmware version, uptime, CPU temperature, load, memory, disk free and clock
/// state. A fact that cannot be read is null with a line in <see cref="SystemHealthFacts.Problems"/>; reading never
/// throws for a missing or malformed file.
/// </summary>
public sealed class SystemHealthProbe
{
    /// <summary>The thermal zone type of the Raspberry Pi's CPU.</summary>
    public const string CpuThermalZoneType = "cpu-thermal";

    private readonly SystemHealthProbeOptions _options;
    private readonly Func<bool> _readClockSynchronized;

    /// <summary>Creates a probe; throws <see cref="ArgumentException"/> for invalid options.</summary>
    public SystemHealthProbe(SystemHealthProbeOptions options)
        : this(options, NtpClockState.ReadSynchronized)
    {
    }

    internal SystemHealthProbe(SystemHealthProbeOptions options, Func<bool> readClockSynchronized)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(readClockSynchronized);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        _options = options;
        _readClockSynchronized = readClockSynchronized;
    }

    /// <summary>The firmware version: this build's informational version.</summary>
    public static string FirmwareVersion { get; } =
        typeof(SystemHealthProbe).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(SystemHealthProbe).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>Reads every fact once.</summary>
    public SystemHealthFacts Read()
    {
        var problems = new List<string>();

        TimeSpan? uptime = TryReadFile("proc/uptime", problems, out var uptimeText)
            && Check(ProcFileParsers.TryParseUptime(uptimeText, out var parsedUptime, out var uptimeError), uptimeError, problems)
            ? parsedUptime : null;

        double? load = TryReadFile("proc/loadavg", problems, out var loadText)
            && Check(ProcFileParsers.TryParseLoadAverage(loadText, out var parsedLoad, out var loadError), loadError, problems)
            ? parsedLoad : null;

        long? total = null;
        long? available = null;
        if (TryReadFile("proc/meminfo", problems, out var memoryText)
            && Check(ProcFileParsers.TryParseMemoryInfo(memoryText, out var parsedTotal, out var parsedAvailable, out var memoryError), memoryError, problems))
        {
            total = parsedTotal;
            available = parsedAvailable;
        }

        long? resident = TryReadFile("proc/self/status", problems, out var statusText)
            && Check(ProcFileParsers.TryParseProcessResidentBytes(statusText, out var parsedResident, out var residentError), residentError, problems)
            ? parsedResident : null;

        return new SystemHealthFacts
        {
            FirmwareVersion = FirmwareVersion,
            Uptime = uptime,
            CpuTemperatureCelsius = ReadCpuTemperature(problems),
            LoadAverage1Minute = load,
            MemoryTotalBytes = total,
            MemoryAvailableBytes = available,
            ProcessResidentBytes = resident,
            DiskFreeBytes = ReadDiskFree(problems),
            ClockSynchronized = ReadClock(problems),
            Problems = problems,
        };
    }

    private double? ReadCpuTemperature(List<string> problems)
    {
        var thermal = Path.Combine(_options.RootPath, "sys", "class", "thermal");
        string[] zones;
        try
        {
            zones = Directory.Exists(thermal) ? Directory.GetDirectories(thermal, "thermal_zone*") : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add($"thermal zones unreadable: {e.GetType().Name}");
            return null;
        }

        if (zones.Length == 0)
        {
            return null;
        }

        var ordered = zones.OrderBy(ZoneIndex).ThenBy(zone => zone, StringComparer.Ordinal).ToArray();
        var chosen = ordered.FirstOrDefault(zone => string.Equals(ReadTrimmed(Path.Combine(zone, "type")), CpuThermalZoneType, StringComparison.Ordinal))
            ?? ordered[0];
        var relative = Path.GetRelativePath(_options.RootPath, Path.Combine(chosen, "temp"));
        return TryReadFile(relative, problems, out var text)
            && Check(ProcFileParsers.TryParseThermalMillidegrees(text, out var celsius, out var error), error, problems)
            ? celsius : null;
    }

    private long? ReadDiskFree(List<string> problems)
    {
        try
        {
            return DiskSpace.GetAvailableBytes(_options.DataDirectory);
        }
        catch (IOException e)
        {
            problems.Add(e.Message);
            return null;
        }
    }

    private bool? ReadClock(List<string> problems)
    {
        if (!_options.ReadClockState)
        {
            return null;
        }

        try
        {
            return _readClockSynchronized();
        }
        catch (IOException e)
        {
            problems.Add(e.Message);
            return null;
        }
    }

    private bool TryReadFile(string relativePath, List<string> problems, out string text)
    {
        try
        {
            text = File.ReadAllText(Path.Combine(_options.RootPath, relativePath));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add($"/{relativePath.Replace('\\', '/')} unreadable: {e.GetType().Name}");
            text = string.Empty;
            return false;
        }
    }

    private static bool Check(bool parsed, string? error, List<string> problems)
    {
        if (!parsed && error is not null)
        {
            problems.Add(error);
        }

        return parsed;
    }

    private static string? ReadTrimmed(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static int ZoneIndex(string zoneDirectory) =>
        int.TryParse(Path.GetFileName(zoneDirectory).AsSpan("thermal_zone".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : int.MaxValue;
}
