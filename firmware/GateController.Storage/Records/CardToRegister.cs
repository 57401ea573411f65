using GateController.Core.Credentials;

namespace GateController.Storage.Records;

/// <summary>A card to register: format and UID bytes (hashed before storage, never stored).</summary>
/// <param name="Format">How the card is read; part of the card's identity.</param>
/// <param name="Uid">The identifier bytes as read.</param>
public sealed record CardToRegister(CardFormat Format, ReadOnlyMemory<byte> Uid);
