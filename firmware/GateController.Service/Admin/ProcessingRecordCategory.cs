using GateController.Storage.Audit;

namespace GateController.Service.Admin;

/// <summary>
/// Groups audit actions into the kinds of processing record an audit asks about (PIPL art. 54–56, rule P10):
/// consents, withdrawals, enrollments, deletions, exports, imports, configuration changes, resident and credential
/// changes, operator actions and manual releases.
/// </summary>
internal static class ProcessingRecordCategory
{
    /// <summary>Every category, in the order reports list them, with a heading for people.</summary>
    public static IReadOnlyList<(string Name, string Heading)> All { get; } =
    [
        ("consent", "consents given"),
        ("withdrawal", "consents withdrawn"),
        ("enrollment", "face enrollments"),
        ("deletion", "deletions (residents, face data, move-outs, retention)"),
        ("export", "exports (resident copies, audit log)"),
        ("import", "imports"),
        ("configuration", "configuration changes"),
        ("records", "resident and credential changes"),
        ("operator-action", "other operator actions (reads, reports, refusals)"),
        ("release", "manual door releases"),
    ];

    /// <summary>The category of <paramref name="action"/>.</summary>
    public static string Of(AuditAction action) => action switch
    {
        AuditAction.ConsentGiven => "consent",
        AuditAction.ConsentWithdrawn => "withdrawal",
        AuditAction.FaceEnrolled => "enrollment",
        AuditAction.ResidentDeleted or AuditAction.FaceDeleted or AuditAction.ResidentMovedOut or AuditAction.AutomaticDeletion => "deletion",
        AuditAction.Export => "export",
        AuditAction.Import => "import",
        AuditAction.ConfigurationChanged => "configuration",
        AuditAction.ResidentAdded or AuditAction.ResidentUpdated or AuditAction.CardAdded or AuditAction.CardRemoved
            or AuditAction.PinSet or AuditAction.PinCleared => "records",
        AuditAction.ManualRelease => "release",
        _ => "operator-action",
    };
}
