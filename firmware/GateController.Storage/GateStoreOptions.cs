namespace GateController.Storage;

/// <summary>Settings of the local store.</summary>
public sealed class GateStoreOptions
{
    /// <summary>The smallest access-event count bound accepted.</summary>
    public const int MinimumAccessEventCount = 150_000;

    /// <summary>Directory holding the database file; created with mode 0700 when missing.</summary>
    public string DataDirectory { get; set; } = "/var/lib/gatecontroller";

    /// <summary>Database file name inside <see cref="DataDirectory"/>.</summary>
    public string DatabaseFileName { get; set; } = "gate.db";

    /// <summary>Access events older than this many days are deleted.</summary>
    public int AccessEventRetentionDays { get; set; } = 90;

    /// <summary>At most this many access events are kept (the newest); at least 150,000.</summary>
    public int AccessEventMaximumCount { get; set; } = 200_000;

    /// <summary>Face templates not used for this many days are deleted (P9).</summary>
    public int FaceTemplateUnusedDays { get; set; } = 365;

    /// <summary>How often the retention job runs, in hours.</summary>
    public int RetentionIntervalHours { get; set; } = 24;

    /// <summary>
    /// Size the WAL file is kept at, in KiB (0 = do not reserve). A reserved WAL makes each durable commit
    /// overwrite allocated blocks instead of growing the file; the default covers one auto-checkpoint (1,000 pages).
    /// </summary>
    public int WalReserveKilobytes { get; set; } = 4400;

    /// <summary>Digits in a visitor code the store draws, 6–8 (default 6).</summary>
    public int VisitorCodeDigits { get; set; } = 6;

    /// <summary>Run SQLite's quick_check when opening, to report a damaged file early.</summary>
    public bool CheckIntegrityAtOpen { get; set; } = true;

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => Path.Combine(DataDirectory, DatabaseFileName);

    /// <summary>Returns every problem with these settings, one message per problem naming the setting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            problems.Add($"{nameof(DataDirectory)} must not be empty");
        }
        else if (!Path.IsPathFullyQualified(DataDirectory))
        {
            problems.Add($"{nameof(DataDirectory)} must be an absolute path, not '{DataDirectory}'");
        }

        if (string.IsNullOrWhiteSpace(DatabaseFileName) || DatabaseFileName.IndexOfAny(['/', '\\']) >= 0)
        {
            problems.Add($"{nameof(DatabaseFileName)} must be a plain file name, not '{DatabaseFileName}'");
        }

        if (AccessEventRetentionDays is < 1 or > 3650)
        {
            problems.Add($"{nameof(AccessEventRetentionDays)} must be 1–3650 days, not {AccessEventRetentionDays}");
        }

        if (AccessEventMaximumCount < MinimumAccessEventCount)
        {
            problems.Add($"{nameof(AccessEventMaximumCount)} must be at least {MinimumAccessEventCount}, not {AccessEventMaximumCount}");
        }

        if (FaceTemplateUnusedDays is < 1 or > 3650)
        {
            problems.Add($"{nameof(FaceTemplateUnusedDays)} must be 1–3650 days, not {FaceTemplateUnusedDays}");
        }

        if (WalReserveKilobytes is < 0 or > 262_144)
        {
            problems.Add($"{nameof(WalReserveKilobytes)} must be 0–262144 KiB, not {WalReserveKilobytes}");
        }

        if (VisitorCodeDigits is < 6 or > 8)
        {
            problems.Add($"{nameof(VisitorCodeDigits)} must be 6–8 digits, not {VisitorCodeDigits}");
        }

        if (RetentionIntervalHours is < 1 or > 168)
        {
            problems.Add($"{nameof(RetentionIntervalHours)} must be 1–168 hours, not {RetentionIntervalHours}");
        }

        return problems;
    }
}
