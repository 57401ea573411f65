using GateController.Storage;

namespace GateController.Service.Configuration;

/// <summary>The <c>Store</c> section: the encrypted store's directory and retention, and the device key file.</summary>
public sealed class StoreServiceOptions
{
    /// <summary>The device key made by <c>gatectl provision</c>.</summary>
    public const string DefaultKeyFile = "/etc/gatecontroller/device.key";

    /// <summary>The device key file; kept outside the data directory.</summary>
    public string KeyFile { get; set; } = DefaultKeyFile;

    /// <summary>The store's directory.</summary>
    public string DataDirectory { get; set; } = "/var/lib/gatecontroller";

    /// <summary>Days access events are kept.</summary>
    public int AccessEventRetentionDays { get; set; } = 90;

    /// <summary>The most access events kept.</summary>
    public int AccessEventMaximumCount { get; set; } = 200_000;

    /// <summary>Days an unused face template is kept.</summary>
    public int FaceTemplateUnusedDays { get; set; } = 365;

    /// <summary>Hours between retention passes.</summary>
    public int RetentionIntervalHours { get; set; } = 24;

    /// <summary>Disk space kept in reserve for the write-ahead log (0 in tests).</summary>
    public int WalReserveKilobytes { get; set; } = 4400;

    /// <summary>Whether the database's integrity is checked when it opens.</summary>
    public bool CheckIntegrityAtOpen { get; set; } = true;

    /// <summary>The store's settings.</summary>
    public GateStoreOptions ToStoreOptions() => new()
    {
        DataDirectory = DataDirectory,
        AccessEventRetentionDays = AccessEventRetentionDays,
        AccessEventMaximumCount = AccessEventMaximumCount,
        FaceTemplateUnusedDays = FaceTemplateUnusedDays,
        RetentionIntervalHours = RetentionIntervalHours,
        WalReserveKilobytes = WalReserveKilobytes,
        CheckIntegrityAtOpen = CheckIntegrityAtOpen,
    };

    /// <summary>Every problem, one message each naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>(ToStoreOptions().Validate());
        if (string.IsNullOrWhiteSpace(KeyFile) || !Path.IsPathFullyQualified(KeyFile))
        {
            problems.Add($"KeyFile must be an absolute path, not '{KeyFile}'");
        }
        else if (Path.IsPathFullyQualified(DataDirectory)
            && Path.GetFullPath(KeyFile).StartsWith(Path.TrimEndingDirectorySeparator(Path.GetFullPath(DataDirectory)) + "/", StringComparison.Ordinal))
        {
            problems.Add($"KeyFile {KeyFile} is inside the data directory {DataDirectory}; keep the device key outside it");
        }

        return problems;
    }
}
