using GateController.Core.Residents;

namespace GateController.Core.Credentials;

/// <summary>A card or tag: its identifier bytes and the format they were read in.</summary>
public sealed class CardCredential : CredentialRecord
{
    private readonly byte[] _uid;

    /// <summary>Creates a card credential; the identifier bytes are copied.</summary>
    /// <param name="residentId">The card holder.</param>
    /// <param name="format">The card's format.</param>
    /// <param name="uid">Identifier bytes, most significant first; must not be empty.</param>
    /// <param name="validity">When the card may be used.</param>
    public CardCredential(ResidentId residentId, CardFormat format, ReadOnlySpan<byte> uid, ValidityWindow validity)
        : base(residentId, validity)
    {
        if (uid.IsEmpty)
        {
            throw new ArgumentException("a card identifier must not be empty", nameof(uid));
        }

        Format = format;
        _uid = uid.ToArray();
    }

    /// <inheritdoc />
    public override CredentialKind Kind => CredentialKind.Card;

    /// <summary>The card's format.</summary>
    public CardFormat Format { get; }

    /// <summary>The identifier bytes; never log them.</summary>
    public ReadOnlySpan<byte> Uid => _uid;

    /// <summary>True when <paramref name="format"/> and <paramref name="uid"/> identify this card.</summary>
    public bool Matches(CardFormat format, ReadOnlySpan<byte> uid) => format == Format && uid.SequenceEqual(_uid);

    /// <inheritdoc />
    public override string ToString() => $"Card ({Format}, {_uid.Length} bytes) of {ResidentId}";
}
