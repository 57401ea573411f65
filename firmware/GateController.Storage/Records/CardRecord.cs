using GateController.Core.Credentials;
using GateController.Core.Residents;

namespace GateController.Storage.Records;

/// <summary>A registered card as the store knows it: never the UID, only who owns it and its format.</summary>
/// <param name="CardId">The store's number for the card.</param>
/// <param name="Resident">The card's owner.</param>
/// <param name="Format">How the card is read.</param>
/// <param name="AddedAt">When it was registered.</param>
public sealed record CardRecord(long CardId, ResidentId Resident, CardFormat Format, DateTimeOffset AddedAt);
