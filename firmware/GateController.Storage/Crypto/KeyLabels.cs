namespace GateController.Storage.Crypto;

/// <summary>HKDF labels and associated-data labels; changing one makes existing data unreadable.</summary>
internal static class KeyLabels
{
    public const string KeyWrap = "gatecontroller/v1/key-wrap";
    public const string CardUid = "gatecontroller/v1/card-uid";
    public const string PinLookup = "gatecontroller/v1/pin-lookup";
    public const string PinVerify = "gatecontroller/v1/pin-verify";
    public const string AuditHead = "gatecontroller/v1/audit-head";
    public const string VisitorCode = "gatecontroller/v1/visitor-code";
    public const string KeyCheckData = "gatecontroller/v1/key-check";
    public const string DataKeyData = "gatecontroller/v1/data-key";
    public const string FaceTemplateData = "gatecontroller/v1/face-template";
    public const string TechnicianKeyData = "gatecontroller/v1/technician-key";
}
