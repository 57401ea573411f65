namespace GateController.Storage.Records;

/// <summary>What a streamed load of face templates did (counts only, never biometric data).</summary>
/// <param name="Loaded">Templates decrypted and handed to the visitor.</param>
/// <param name="Damaged">Rows skipped because they failed authentication, had a damaged length, a bad resident id,
/// or a resident data key that failed authentication.</param>
public readonly record struct FaceTemplateLoadReport(int Loaded, int Damaged);
