namespace GateController.Storage.Records;

/// <summary>How many active face consents name one notice text.</summary>
/// <param name="NoticeVersion">The notice version the consents name.</param>
/// <param name="NoticeSha256Hex">The SHA-256 of that notice text, lower-case hexadecimal.</param>
/// <param name="ActiveConsents">Active (not withdrawn) face consents naming it.</param>
public sealed record NoticeConsentCount(string NoticeVersion, string NoticeSha256Hex, int ActiveConsents);
