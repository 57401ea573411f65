using System.Globalization;
using GateController.Hardware.Door;
using GateController.Hardware.Gpio;
using GateController.Storage;
using GateController.Storage.Keys;

namespace GateController.Service.Configuration;

/// <summary>
/// Checks gatecontrollerd's options as a whole: each section's own rules (named with the section), a door where face
/// is the only way in (P1), GPIO lines unknown on the board's chip or used twice across sections, an unsafe or
/// (for an existing store) missing device key, and a face model that exists but cannot be read.
/// </summary>
public static class GateControllerOptionsValidator
{
    /// <summary>Every problem, one message each naming the setting.</summary>
    /// <param name="options">The bound options.</param>
    /// <param name="gpio">The board's GPIO chip, to resolve line names and check offsets; null to skip those checks.</param>
    public static IReadOnlyList<string> Validate(GateControllerOptions options, GpioController? gpio)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.Door.Enabled)
        {
            Add(problems, "Door", options.Door.Validate(gpio));
            Add(problems, "Wiegand", options.Wiegand.Validate());
            Add(problems, "Keypad", options.Keypad.Validate());
            Add(problems, "Mfrc522", options.Mfrc522.Validate());
            Add(problems, "Hid", options.Hid.Validate());
            Add(problems, "Camera", options.Camera.Validate());
            Add(problems, "Withdrawal", options.Withdrawal.Validate());
            CheckLines(options, gpio, problems);
        }

        problems.AddRange(options.Face.Validate());
        Add(problems, "Store", options.Store.Validate());
        Add(problems, "Admin", options.Admin.ToServerOptions().Validate());
        Add(problems, "Telemetry", options.Telemetry.Validate());
        CheckKeyFile(options.Store, problems);
        CheckModels(options, problems);
        return problems;
    }

    /// <summary>Whether the store has never been created: no database in the data directory yet.</summary>
    public static bool IsFreshStore(StoreServiceOptions store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return !File.Exists(store.ToStoreOptions().DatabasePath);
    }

    private static void Add(List<string> problems, string section, IEnumerable<string> sectionProblems) =>
        problems.AddRange(sectionProblems.Select(p => p.StartsWith(section + ":", StringComparison.Ordinal) ? p : $"{section}:{p}"));

    private static void CheckKeyFile(StoreServiceOptions store, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(store.KeyFile) || !Path.IsPathFullyQualified(store.KeyFile))
        {
            return;
        }

        // No key and no store yet: an unprovisioned unit, which waits for 'gatectl provision'. A store without its key,
        // or a key anyone else can read, is a configuration problem.
        if (!File.Exists(store.KeyFile) && IsFreshStore(store))
        {
            return;
        }

        try
        {
            DeviceKeyFile.Load(store.KeyFile).Dispose();
        }
        catch (StoreException ex)
        {
            problems.Add($"Store:KeyFile: {ex.Message}");
        }
    }

    private static void CheckModels(GateControllerOptions options, List<string> problems)
    {
        if (!options.Face.Enabled || !Directory.Exists(options.Face.ModelDirectory))
        {
            return; // Missing models degrade face; they do not stop the door.
        }

        var files = Directory.EnumerateFiles(options.Face.ModelDirectory).Append(options.Face.EffectiveManifestPath).Distinct(StringComparer.Ordinal);
        foreach (var file in files.Where(File.Exists))
        {
            try
            {
                using var stream = File.OpenRead(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                problems.Add($"Face:ModelDirectory: model file {file} cannot be read: {ex.Message}");
            }
        }
    }

    private static void CheckLines(GateControllerOptions options, GpioController? gpio, List<string> problems)
    {
        var used = new List<(string Setting, int Offset)>();
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (setting, line) in options.Door.ToIoOptions().ConfiguredLines())
        {
            if (Resolve(line, gpio, names, out var offset))
            {
                used.Add(($"Door:{setting}", offset));
            }
        }

        if (options.Wiegand.Enabled)
        {
            CheckOffset("Wiegand:Data0Pin", options.Wiegand.Data0Pin, gpio, used, problems);
            CheckOffset("Wiegand:Data1Pin", options.Wiegand.Data1Pin, gpio, used, problems);
        }

        if (options.Keypad.Enabled)
        {
            var rows = options.Keypad.EffectiveRowPins;
            for (var i = 0; i < rows.Count; i++)
            {
                CheckOffset($"Keypad:RowPins:{i}", rows[i], gpio, used, problems);
            }

            var columns = options.Keypad.EffectiveColumnPins;
            for (var i = 0; i < columns.Count; i++)
            {
                CheckOffset($"Keypad:ColumnPins:{i}", columns[i], gpio, used, problems);
            }
        }

        if (options.Mfrc522.Enabled && options.Mfrc522.ResetLine is { Length: > 0 } reset)
        {
            if (Resolve(reset, gpio, names, out var offset))
            {
                used.Add(("Mfrc522:ResetLine", offset));
            }
            else
            {
                problems.Add($"Mfrc522:ResetLine: no line '{reset}' on {gpio?.ChipName}");
            }
        }

        // Door lines used twice among themselves are reported by the Door section; here: across sections.
        foreach (var group in used.GroupBy(u => u.Offset).Where(g => g.Select(u => u.Setting.Split(':')[0]).Distinct().Count() > 1
            || (g.Count() > 1 && !g.All(u => u.Setting.StartsWith("Door:", StringComparison.Ordinal)))))
        {
            problems.Add($"GPIO line {group.Key} is used by {string.Join(" and ", group.Select(u => u.Setting))}");
        }
    }

    private static void CheckOffset(string setting, int offset, GpioController? gpio, List<(string, int)> used, List<string> problems)
    {
        if (offset < 0 || (gpio is not null && offset >= gpio.PinCount))
        {
            problems.Add($"{setting}: line {offset} does not exist on {gpio?.ChipName ?? "the GPIO chip"}{(gpio is null ? string.Empty : $" (lines 0-{gpio.PinCount - 1})")}");
            return;
        }

        used.Add((setting, offset));
    }

    private static bool Resolve(string line, GpioController? gpio, Dictionary<string, int> names, out int offset)
    {
        if (int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
        {
            return true;
        }

        if (gpio is not null && gpio.TryGetPinNumber(line, out offset))
        {
            return true;
        }

        if (line.StartsWith("GPIO", StringComparison.Ordinal) && int.TryParse(line.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out offset))
        {
            return gpio is null || offset < gpio.PinCount;
        }

        if (gpio is null && !names.TryGetValue(line, out offset))
        {
            offset = -1 - names.Count;
            names[line] = offset;
            return true;
        }

        return gpio is null;
    }
}
