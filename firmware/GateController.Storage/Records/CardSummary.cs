using GateController.Core.Credentials;

namespace GateController.Storage.Records;

/// <summary>A card as shown in a resident copy: format and when added, never the UID.</summary>
/// <param name="Format">How the card is read.</param>
/// <param name="AddedAt">When it was registered.</param>
public sealed record CardSummary(CardFormat Format, DateTimeOffset AddedAt);
