using System.Security.Cryptography;
using System.Text;
using GateController.Core.Credentials;
using GateController.Core.Residents;

namespace GateController.Storage.Tests;

public sealed class CredentialTests : IDisposable
{
    private static readonly byte[] Uid = [0x04, 0xA2, 0x3B, 0x19, 0x6C, 0x5D, 0x80];

    private readonly StoreHarness _harness = new();

    private GateStore Store => _harness.Store;

    [Fact]
    public void TryFindCard_Registered_ReturnsOwnerAndFormat()
    {
        var id = _harness.AddResident();
        var added = Store.AddCard(id, CardFormat.Mifare, Uid, "op");

        Assert.True(Store.TryFindCard(CardFormat.Mifare, Uid, out var card));

        Assert.Equal(added, card);
        Assert.Equal(id, card.Resident);
    }

    [Fact]
    public void TryFindCard_SameUidOtherFormat_ReturnsFalse()
    {
        var id = _harness.AddResident();
        Store.AddCard(id, CardFormat.Mifare, Uid, "op");

        Assert.False(Store.TryFindCard(CardFormat.Em4100, Uid, out _));
    }

    [Fact]
    public void AddCard_RegisteredToOther_ThrowsDuplicateCard()
    {
        var first = _harness.AddResident("R0001");
        var second = _harness.AddResident("R0002");
        Store.AddCard(first, CardFormat.Mifare, Uid, "op");

        var error = Assert.Throws<StoreException>(() => Store.AddCard(second, CardFormat.Mifare, Uid, "op"));

        Assert.Equal(StoreErrorCode.DuplicateCard, error.Code);
        Assert.Contains("R0001", error.Message, StringComparison.Ordinal);
        Assert.True(Store.TryFindCard(CardFormat.Mifare, Uid, out var card));
        Assert.Equal(first, card.Resident);
    }

    [Fact]
    public void RemoveCard_Registered_RemovesItAndSecondRemoveReturnsFalse()
    {
        var id = _harness.AddResident();
        Store.AddCard(id, CardFormat.Mifare, Uid, "op");

        Assert.True(Store.RemoveCard(CardFormat.Mifare, Uid, "op"));
        Assert.False(Store.TryFindCard(CardFormat.Mifare, Uid, out _));
        Assert.False(Store.RemoveCard(CardFormat.Mifare, Uid, "op"));
    }

    [Fact]
    public void AddCard_EmptyUid_ThrowsArgumentException()
    {
        var id = _harness.AddResident();

        Assert.Throws<ArgumentException>(() => Store.AddCard(id, CardFormat.Mifare, [], "op"));
    }

    [Fact]
    public void DatabaseFiles_AfterAddCard_HoldNoUidBytes()
    {
        var id = _harness.AddResident();
        Store.AddCard(id, CardFormat.Mifare, Uid, "op");
        Store.AddCard(id, CardFormat.Wiegand26, Encoding.ASCII.GetBytes("0012345678"), "op");
        _harness.Close();

        Assert.False(_harness.DatabaseFilesContain(Uid));
        Assert.False(_harness.DatabaseFilesContain(Encoding.ASCII.GetBytes("0012345678")));
        Assert.False(_harness.DatabaseFilesContain(SHA256.HashData(Uid)));
    }

    [Fact]
    public void TryFindResidentByPin_SetPin_ReturnsOwner()
    {
        var id = _harness.AddResident();
        Store.SetPin(id, "482913", "op");

        Assert.True(Store.TryFindResidentByPin("482913", out var found));
        Assert.Equal(id, found);
        Assert.False(Store.TryFindResidentByPin("482914", out _));
    }

    [Fact]
    public void VerifyPin_RightAndWrong_AreTellApart()
    {
        var id = _harness.AddResident();
        Store.SetPin(id, "482913", "op");

        Assert.True(Store.VerifyPin(id, "482913"));
        Assert.False(Store.VerifyPin(id, "482910"));
        Assert.False(Store.VerifyPin(ResidentId.Parse("R0002"), "482913"));
    }

    [Fact]
    public void SetPin_UsedByOther_ThrowsPinInUse()
    {
        var first = _harness.AddResident("R0001");
        var second = _harness.AddResident("R0002");
        Store.SetPin(first, "482913", "op");

        var error = Assert.Throws<StoreException>(() => Store.SetPin(second, "482913", "op"));

        Assert.Equal(StoreErrorCode.PinInUse, error.Code);
        Assert.Equal("PIN already in use; choose another PIN", error.Message);
        Assert.True(Store.TryFindResidentByPin("482913", out var owner));
        Assert.Equal(first, owner);
    }

    [Fact]
    public void SetPin_SameResidentAgain_ReplacesOldPin()
    {
        var id = _harness.AddResident();
        Store.SetPin(id, "482913", "op");

        Store.SetPin(id, "482913", "op");
        Store.SetPin(id, "771204", "op");

        Assert.False(Store.TryFindResidentByPin("482913", out _));
        Assert.True(Store.TryFindResidentByPin("771204", out _));
        Assert.True(Store.VerifyPin(id, "771204"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("123")]
    [InlineData("1234567890123")]
    [InlineData("12a4")]
    [InlineData("１２３４")]
    [InlineData("12 34")]
    public void SetPin_Malformed_ThrowsInvalidPin(string pin)
    {
        var id = _harness.AddResident();

        var error = Assert.Throws<StoreException>(() => Store.SetPin(id, pin, "op"));

        Assert.Equal(StoreErrorCode.InvalidPin, error.Code);
        Assert.False(Store.TryFindResidentByPin(pin, out _));
    }

    [Fact]
    public void ClearPin_Set_RemovesItOnce()
    {
        var id = _harness.AddResident();
        Store.SetPin(id, "482913", "op");

        Assert.True(Store.ClearPin(id, "op"));
        Assert.False(Store.ClearPin(id, "op"));
        Assert.False(Store.TryFindResidentByPin("482913", out _));
    }

    [Fact]
    public void DatabaseFiles_AfterSetPin_HoldNeitherPinNorItsPlainHash()
    {
        var id = _harness.AddResident();
        Store.SetPin(id, "48291357", "op");
        _harness.Close();

        Assert.False(_harness.DatabaseFilesContain(Encoding.ASCII.GetBytes("48291357")));
        Assert.False(_harness.DatabaseFilesContain(SHA256.HashData(Encoding.ASCII.GetBytes("48291357"))));
    }

    [Fact]
    public async Task TryFindCard_WhileAnotherThreadWrites_AlwaysFindsCommittedCard()
    {
        var id = _harness.AddResident();
        Store.AddCard(id, CardFormat.Mifare, Uid, "op");
        var now = _harness.Time.GetUtcNow();

        var writer = Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                Store.AppendAccessEvent(new Records.AccessEventRecord(now, "main", CredentialKind.Card, id, true, "granted"));
            }
        });
        var found = 0;
        for (var i = 0; i < 500; i++)
        {
            found += Store.TryFindCard(CardFormat.Mifare, Uid, out var card) && card.Resident == id ? 1 : 0;
        }

        await writer;
        Assert.Equal(500, found);
        Assert.Equal(200, Store.CountAccessEvents());
    }

    public void Dispose() => _harness.Dispose();
}
