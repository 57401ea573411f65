namespace GateController.Core.Privacy;

/// <summary>What an operator may do (rule P13: least privilege, each action a separate permission).</summary>
[Flags]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "The permission names what an operator may do; the word is the domain term.")]
public enum OperatorPermission
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>Record consents and enroll faces.</summary>
    Enroll = 1,

    /// <summary>Add and remove residents' cards, PINs and visitor codes.</summary>
    ManageCredentials = 2,

    /// <summary>Export a resident's data (a copy, PIPL art. 45) and the audit log.</summary>
    Export = 4,

    /// <summary>Delete residents, face templates and consents.</summary>
    Delete = 8,

    /// <summary>Open the door remotely (manual release, rule P15).</summary>
    ReleaseDoor = 16,

    /// <summary>Change the unit's configuration.</summary>
    Configure = 32,

    /// <summary>Read reports: status, events, impact-assessment facts, processing records.</summary>
    ViewReports = 64,

    /// <summary>Add and remove the technicians whose keys may sign MQTT commands (installers only).</summary>
    ManageTechnicians = 128,
}
