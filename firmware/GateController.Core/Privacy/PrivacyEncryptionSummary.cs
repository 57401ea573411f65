namespace GateController.Core.Privacy;

/// <summary>How the store protects each kind of data, as the store describes itself (rule P6).</summary>
/// <param name="FaceTemplates">For example "AES-256-GCM under a per-resident key".</param>
/// <param name="CardIdentifiers">For example "HMAC-SHA-256 keyed hash; the UID itself is not stored".</param>
/// <param name="Pins">For example "PBKDF2-SHA-256, 16-byte salt, 100,000 iterations".</param>
/// <param name="ResidentRecords">How names and rooms are kept.</param>
/// <param name="KeyStorage">For example "per-resident keys wrapped by the device key in a root-only key file".</param>
public sealed record PrivacyEncryptionSummary(string FaceTemplates, string CardIdentifiers, string Pins, string ResidentRecords, string KeyStorage);
