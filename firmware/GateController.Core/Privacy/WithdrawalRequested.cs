using GateController.Core.Consents;
using GateController.Core.Residents;

namespace GateController.Core.Privacy;

/// <summary>A resident asked to withdraw their face consent; the service withdraws it and deletes their templates at once.</summary>
/// <param name="ResidentId">Whose consent; the resident whose own card or PIN preceded the sequence.</param>
/// <param name="Channel">Where it was asked for.</param>
/// <param name="RequestedAt">When the confirmation key was pressed.</param>
public sealed record WithdrawalRequested(ResidentId ResidentId, ConsentChannel Channel, DateTimeOffset RequestedAt);
