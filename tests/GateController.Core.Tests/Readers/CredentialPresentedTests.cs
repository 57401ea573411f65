using GateController.Core.Credentials;
using GateController.Core.Readers;

namespace GateController.Core.Tests.Readers;

public sealed class CredentialPresentedTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 8, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void ForCard_CopiesUid_LaterChangesToCallerBufferDoNotLeak()
    {
        var uid = new byte[] { 0x12, 0x34, 0x56 };
        var credential = CredentialPresented.ForCard("front", CardFormat.Wiegand26, uid, At);
        uid[0] = 0xFF;

        Assert.Equal("123456", credential.CardUidHex());
        Assert.Equal(CredentialKind.Card, credential.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12a4")]
    [InlineData("12 4")]
    public void ForPin_NonDigits_Throws(string digits) =>
        Assert.ThrowsAny<ArgumentException>(() => CredentialPresented.ForPin("keypad", digits, At));

    [Fact]
    public void ToString_Card_DoesNotRevealUid()
    {
        var credential = CredentialPresented.ForCard("front", CardFormat.Mifare, new byte[] { 0xDE, 0xAD, 0xBE, 0xEF }, At);

        Assert.DoesNotContain("DEADBEEF", credential.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ToString_Pin_DoesNotRevealDigits()
    {
        var credential = CredentialPresented.ForPin("keypad", "739215", At);

        Assert.DoesNotContain("739215", credential.ToString(), StringComparison.Ordinal);
    }
}
