using GateController.Core.Privacy;

namespace GateController.Core.Tests.Privacy;

public sealed class ConsentReceiptNumberTests
{
    [Theory]
    [InlineData(1L, "FC-0000-0001-")]
    [InlineData(123L, "FC-0000-0123-1")]
    [InlineData(99_999_999L, "FC-9999-9999-")]
    [InlineData(123_456_789L, "FC-1-2345-6789-")]
    [InlineData(11010519491231002L, "FC-1-1010-5194-9123-1002-X")]
    public void FromConsentId_Id_GroupedDigitsAndCheckCharacter(long consentId, string expectedStart)
    {
        var number = ConsentReceiptNumber.FromConsentId(consentId);

        Assert.StartsWith(expectedStart, number.Value, StringComparison.Ordinal);
        Assert.Equal(expectedStart.Length + (expectedStart.EndsWith('-') ? 1 : 0), number.Value.Length);
        Assert.Equal(consentId, number.ConsentId);
        Assert.Equal(number, ConsentReceiptNumber.FromConsentId(consentId));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-5L)]
    public void FromConsentId_NotPositive_Throws(long consentId)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ConsentReceiptNumber.FromConsentId(consentId));
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(42L)]
    [InlineData(123L)]
    [InlineData(987_654_321L)]
    public void TryParse_PrintedNumberLooselyTyped_RoundTrips(long consentId)
    {
        var printed = ConsentReceiptNumber.FromConsentId(consentId).Value;

        Assert.True(ConsentReceiptNumber.TryParse(printed.ToLowerInvariant().Replace('-', ' '), out var parsed, out var error), error);
        Assert.Equal(consentId, parsed.ConsentId);
    }

    [Theory]
    [InlineData("FC-0000-0124-1", "check character")]
    [InlineData("FC-0000-0213-1", "check character")]
    [InlineData("XX-0000-0123-1", "not a receipt number")]
    [InlineData("FC-12", "not a receipt number")]
    [InlineData("FC-0000-00A3-1", "not a receipt number")]
    [InlineData("", "not a receipt number")]
    [InlineData(null, "not a receipt number")]
    public void TryParse_Mistyped_FalseWithReason(string? text, string reason)
    {
        Assert.False(ConsentReceiptNumber.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }
}
