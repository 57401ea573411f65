using GateController.Core.Access;

namespace GateController.Core.Tests.Access;

public sealed class DuressPinsTests
{
    [Theory]
    [InlineData("1234", DuressPinTransformation.LastDigitPlusOne, "1235")]
    [InlineData("1239", DuressPinTransformation.LastDigitPlusOne, "1230")]
    [InlineData("0", DuressPinTransformation.LastDigitPlusOne, "1")]
    [InlineData("1234", DuressPinTransformation.FirstDigitPlusOne, "2234")]
    [InlineData("9000", DuressPinTransformation.FirstDigitPlusOne, "0000")]
    public void TryApply_Pin_ReturnsDuressForm(string pin, DuressPinTransformation transformation, string expected)
    {
        Span<char> buffer = stackalloc char[16];

        Assert.True(DuressPins.TryApply(pin, transformation, buffer));
        Assert.Equal(expected, buffer[..pin.Length].ToString());
    }

    [Theory]
    [InlineData("1235", DuressPinTransformation.LastDigitPlusOne, "1234")]
    [InlineData("1230", DuressPinTransformation.LastDigitPlusOne, "1239")]
    [InlineData("0000", DuressPinTransformation.FirstDigitPlusOne, "9000")]
    public void TryRevert_DuressForm_ReturnsResidentPin(string typed, DuressPinTransformation transformation, string expected)
    {
        Span<char> buffer = stackalloc char[16];

        Assert.True(DuressPins.TryRevert(typed, transformation, buffer));
        Assert.Equal(expected, buffer[..typed.Length].ToString());
    }

    [Theory]
    [InlineData("1234", DuressPinTransformation.None)]
    [InlineData("", DuressPinTransformation.LastDigitPlusOne)]
    [InlineData("12a4", DuressPinTransformation.LastDigitPlusOne)]
    [InlineData("1234", (DuressPinTransformation)9)]
    public void TryApply_NoDuressForm_ReturnsFalse(string pin, DuressPinTransformation transformation)
    {
        Span<char> buffer = stackalloc char[16];

        Assert.False(DuressPins.TryApply(pin, transformation, buffer));
    }

    [Fact]
    public void TryApply_DestinationTooShort_ReturnsFalse()
    {
        Span<char> buffer = stackalloc char[3];

        Assert.False(DuressPins.TryApply("1234", DuressPinTransformation.LastDigitPlusOne, buffer));
    }

    [Fact]
    public void TryRevert_OfTryApply_RoundTripsEveryFourDigitPin()
    {
        Span<char> duress = stackalloc char[4];
        Span<char> back = stackalloc char[4];
        for (var n = 0; n < 10_000; n += 7)
        {
            var pin = n.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(DuressPins.TryApply(pin, DuressPinTransformation.LastDigitPlusOne, duress));
            Assert.NotEqual(pin, duress.ToString());
            Assert.True(DuressPins.TryRevert(duress, DuressPinTransformation.LastDigitPlusOne, back));
            Assert.Equal(pin, back.ToString());
        }
    }
}
