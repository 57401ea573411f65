namespace GateController.Storage;

/// <summary>Why a store operation failed; stable codes the admin API and gatectl can map to messages.</summary>
public enum StoreErrorCode
{
    /// <summary>No resident with the given id exists.</summary>
    UnknownResident = 0,

    /// <summary>A resident with the given id already exists.</summary>
    DuplicateResident = 1,

    /// <summary>The card is already registered (to this or another resident).</summary>
    DuplicateCard = 2,

    /// <summary>The card is not registered.</summary>
    UnknownCard = 3,

    /// <summary>Another resident already uses this PIN; PIN-only entry needs PINs unique per unit.</summary>
    PinInUse = 4,

    /// <summary>The PIN is not 4 to 12 digits.</summary>
    InvalidPin = 5,

    /// <summary>Face data needs an active, separate face consent (P2).</summary>
    ConsentRequired = 6,

    /// <summary>A minor's consent must name a guardian.</summary>
    GuardianRequired = 7,

    /// <summary>No active consent of that kind exists to withdraw.</summary>
    NoActiveConsent = 8,

    /// <summary>The resident has moved out; the operation is refused.</summary>
    ResidentMovedOut = 9,

    /// <summary>The database file is damaged or is not a GateController database.</summary>
    CorruptDatabase = 10,

    /// <summary>The database was written by a newer version of GateController.</summary>
    NewerSchema = 11,

    /// <summary>The device key does not open this database (authentication failed).</summary>
    WrongDeviceKey = 12,

    /// <summary>Encrypted data failed authentication: altered, or bound to another resident/template/model.</summary>
    DecryptionFailed = 13,

    /// <summary>The disk is full; nothing was written.</summary>
    DiskFull = 14,

    /// <summary>Another I/O fault of the database file.</summary>
    IoError = 15,

    /// <summary>The device key file is missing.</summary>
    KeyFileMissing = 16,

    /// <summary>The device key file cannot be read.</summary>
    KeyFileUnreadable = 17,

    /// <summary>The device key file does not hold exactly 32 bytes.</summary>
    KeyFileWrongLength = 18,

    /// <summary>The device key file is readable or writable by group or others.</summary>
    KeyFilePermissions = 19,

    /// <summary>The device key file already exists; it is never overwritten.</summary>
    KeyFileExists = 20,

    /// <summary>An import row is invalid or conflicts with another row or with stored data.</summary>
    InvalidImport = 21,

    /// <summary>No unused visitor code could be drawn (the code space is crowded); try again or use more digits.</summary>
    VisitorCodeUnavailable = 22,

    /// <summary>A technician with this id is already registered on the unit.</summary>
    DuplicateTechnician = 30,
}
