namespace GateController.Storage.Audit;

/// <summary>What a processing-record (audit) entry records (P10).</summary>
public enum AuditAction
{
    /// <summary>A resident was added.</summary>
    ResidentAdded = 0,

    /// <summary>A resident's record was changed.</summary>
    ResidentUpdated = 1,

    /// <summary>A resident moved out; their face data was deleted at once.</summary>
    ResidentMovedOut = 2,

    /// <summary>A resident and everything held about them was deleted.</summary>
    ResidentDeleted = 3,

    /// <summary>A card was registered.</summary>
    CardAdded = 4,

    /// <summary>A card was removed.</summary>
    CardRemoved = 5,

    /// <summary>A PIN was set or changed.</summary>
    PinSet = 6,

    /// <summary>A PIN was removed.</summary>
    PinCleared = 7,

    /// <summary>A consent was given.</summary>
    ConsentGiven = 8,

    /// <summary>A consent was withdrawn.</summary>
    ConsentWithdrawn = 9,

    /// <summary>A face template was enrolled.</summary>
    FaceEnrolled = 10,

    /// <summary>Face templates were deleted on request.</summary>
    FaceDeleted = 11,

    /// <summary>A resident copy (P11) was exported.</summary>
    Export = 12,

    /// <summary>Residents were imported.</summary>
    Import = 13,

    /// <summary>The configuration was changed.</summary>
    ConfigurationChanged = 14,

    /// <summary>Another operator action (login, report…).</summary>
    OperatorAction = 15,

    /// <summary>The door was released by hand (P15).</summary>
    ManualRelease = 16,

    /// <summary>Data was deleted automatically by retention (P9).</summary>
    AutomaticDeletion = 17,

    /// <summary>A visitor code was issued (the code itself is never recorded).</summary>
    VisitorCodeIssued = 18,

    /// <summary>A visitor code was revoked.</summary>
    VisitorCodeRevoked = 19,

    /// <summary>A visitor code opened the door (one use counted).</summary>
    VisitorCodeUsed = 20,
}
