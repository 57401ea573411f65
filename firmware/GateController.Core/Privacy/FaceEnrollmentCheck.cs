using GateController.Core.Consents;

namespace GateController.Core.Privacy;

/// <summary>The result of <see cref="FaceEnrollmentEligibility.Check"/>.</summary>
/// <param name="IsAllowed">True when the resident's face may be enrolled now.</param>
/// <param name="Consent">The active face consent enrollment rests on, when allowed.</param>
/// <param name="Error">One line naming the resident (by id) and why not; null when allowed.</param>
public sealed record FaceEnrollmentCheck(bool IsAllowed, ConsentRecord? Consent, string? Error);
