namespace GateController.Core.Privacy;

/// <summary>How much the store holds, counted by the store; no identities.</summary>
/// <param name="Residents">Residents recorded (active and moved out).</param>
/// <param name="MinorResidents">Of them, minors.</param>
/// <param name="Cards">Card credentials.</param>
/// <param name="Pins">PIN credentials.</param>
/// <param name="ActiveFaceConsents">Face consents not withdrawn.</param>
/// <param name="FaceTemplates">Encrypted face templates.</param>
/// <param name="AccessEvents">Access events kept.</param>
/// <param name="AuditRecords">Processing records in the audit log.</param>
public sealed record PrivacyStoreCounts(int Residents, int MinorResidents, int Cards, int Pins, int ActiveFaceConsents, long FaceTemplates, long AccessEvents, long AuditRecords)
{
    /// <summary>Visitor codes that still open the door now or later: not revoked, not expired, with a use left.</summary>
    public int ActiveVisitorCodes { get; init; }

    /// <summary>Visitor codes issued since <see cref="VisitorCodesIssuedSince"/>, counted in the audit log (so codes already pruned count too).</summary>
    public int VisitorCodesIssued { get; init; }

    /// <summary>The start of the period <see cref="VisitorCodesIssued"/> covers; null when the issued codes were not counted.</summary>
    public DateTimeOffset? VisitorCodesIssuedSince { get; init; }
}
