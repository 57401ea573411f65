using GateController.Core.Consents;

namespace GateController.Core.Privacy;

/// <summary>A consent record with the number the store gave it.</summary>
/// <param name="ConsentId">The store's consent id; positive.</param>
/// <param name="Record">The consent.</param>
public sealed record IdentifiedConsent(long ConsentId, ConsentRecord Record);
