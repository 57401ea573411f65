using GateController.Core.Credentials;
using GateController.Hardware.Readers.Wiegand;

namespace GateController.Hardware.Tests.Wiegand;

public sealed class WiegandFrameTests
{
    public static TheoryData<int, ulong, CardFormat, long, long, string> GoodCards() => new()
    {
        { 26, WiegandEncoding.H10301(0, 0), CardFormat.Wiegand26, 0, 0, "000000" },
        { 26, WiegandEncoding.H10301(123, 4567), CardFormat.Wiegand26, 123, 4567, "7B11D7" },
        { 26, WiegandEncoding.H10301(255, 65535), CardFormat.Wiegand26, 255, 65535, "FFFFFF" },
        { 26, 0b0_00010010_0011000000111001_1UL, CardFormat.Wiegand26, 18, 12345, "123039" },
        { 34, WiegandEncoding.Wiegand34(1000, 54321), CardFormat.Wiegand34, 1000, 54321, "03E8D431" },
        { 34, WiegandEncoding.Wiegand34(65535, 65535), CardFormat.Wiegand34, 65535, 65535, "FFFFFFFF" },
        { 37, WiegandEncoding.H10304(4242, 424242), CardFormat.Wiegand37, 4242, 424242, "0084967932" },
        { 37, WiegandEncoding.H10304(65535, 524287), CardFormat.Wiegand37, 65535, 524287, "07FFFFFFFF" },
    };

    [Theory]
    [MemberData(nameof(GoodCards))]
    public void TryDecode_GoodCardFrame_FacilityCardAndUid(int bitCount, ulong bits, CardFormat format, long facility, long card, string uidHex)
    {
        var ok = WiegandFrame.TryDecode(bits, bitCount, out var result, out var rejection);

        Assert.True(ok);
        Assert.Equal(WiegandRejection.None, rejection);
        Assert.Equal(WiegandFrameKind.Card, result.Kind);
        Assert.Equal(format, result.CardFormat);
        Assert.Equal(facility, result.FacilityCode);
        Assert.Equal(card, result.CardNumber);
        Assert.Equal(uidHex, Convert.ToHexString(result.CardUid()));
    }

    public static TheoryData<int, ulong, int> EveryBitFlipped()
    {
        var data = new TheoryData<int, ulong, int>();
        foreach (var (count, frame) in new[] { (26, WiegandEncoding.H10301(123, 4567)), (34, WiegandEncoding.Wiegand34(1000, 54321)), (37, WiegandEncoding.H10304(4242, 424242)) })
        {
            for (var bit = 0; bit < count; bit++)
            {
                data.Add(count, frame ^ (1UL << bit), bit);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryBitFlipped))]
    public void TryDecode_AnySingleBitFlipped_RejectedForParity(int bitCount, ulong bits, int flippedBit)
    {
        var ok = WiegandFrame.TryDecode(bits, bitCount, out var result, out var rejection);

        Assert.False(ok, $"bit {flippedBit} flipped");
        Assert.Equal(WiegandRejection.Parity, rejection);
        Assert.Equal(default, result);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(25)]
    [InlineData(27)]
    [InlineData(32)]
    [InlineData(35)]
    [InlineData(64)]
    [InlineData(65)]
    public void TryDecode_UnconfiguredLength_RejectedForLength(int bitCount)
    {
        Assert.False(WiegandFrame.TryDecode(0x5555, bitCount, out _, out var rejection));
        Assert.Equal(WiegandRejection.Length, rejection);
    }

    [Theory]
    [InlineData(32, 0xDEADBEEFUL, "DEADBEEF")]
    [InlineData(40, 0x12_3456_7890UL, "1234567890")]
    [InlineData(27, 0x7FFFFFFUL, "07FFFFFF")]
    public void TryDecode_ConfiguredRawLength_RawCardWithAllBits(int bitCount, ulong bits, string uidHex)
    {
        var options = new WiegandDecoderOptions { RawFrameBitCounts = [27, 32, 40] };

        Assert.True(WiegandFrame.TryDecode(bits, bitCount, options, out var result, out _));
        Assert.Equal(CardFormat.RawWiegand, result.CardFormat);
        Assert.Equal(uidHex, Convert.ToHexString(result.CardUid()));
    }

    [Theory]
    [InlineData(4, 0x0UL, '0')]
    [InlineData(4, 0x5UL, '5')]
    [InlineData(4, 0x9UL, '9')]
    [InlineData(4, 0xAUL, '*')]
    [InlineData(4, 0xBUL, '#')]
    [InlineData(8, 0xF0UL, '0')]
    [InlineData(8, 0xE1UL, '1')]
    [InlineData(8, 0x69UL, '9')]
    [InlineData(8, 0x5AUL, '*')]
    [InlineData(8, 0x4BUL, '#')]
    public void TryDecode_KeyBurst_Key(int bitCount, ulong bits, char key)
    {
        Assert.True(WiegandFrame.TryDecode(bits, bitCount, out var result, out _));
        Assert.Equal(WiegandFrameKind.Key, result.Kind);
        Assert.Equal(key, result.Key);
    }

    [Theory]
    [InlineData(8, 0xE2UL, WiegandRejection.Complement)]
    [InlineData(8, 0x01UL, WiegandRejection.Complement)]
    [InlineData(8, 0xFFUL, WiegandRejection.Complement)]
    [InlineData(4, 0xCUL, WiegandRejection.KeyCode)]
    [InlineData(4, 0xFUL, WiegandRejection.KeyCode)]
    [InlineData(8, 0x3CUL, WiegandRejection.KeyCode)]
    public void TryDecode_BadKeyBurst_Rejected(int bitCount, ulong bits, WiegandRejection expected)
    {
        Assert.False(WiegandFrame.TryDecode(bits, bitCount, out _, out var rejection));
        Assert.Equal(expected, rejection);
    }

    [Fact]
    public void TryDecode_KeypadBurstsDisabled_FourBitsRejectedForLength()
    {
        var options = new WiegandDecoderOptions { AcceptKeypadBursts = false };

        Assert.False(WiegandFrame.TryDecode(0x5, 4, options, out _, out var rejection));
        Assert.Equal(WiegandRejection.Length, rejection);
    }

    [Fact]
    public void Validate_BadRawLengths_OneMessagePerProblem()
    {
        var options = new WiegandDecoderOptions { RawFrameBitCounts = [26, 8, 0, 70, 40, 40] };

        var problems = options.Validate();

        Assert.Equal(5, problems.Count);
        Assert.All(problems, p => Assert.StartsWith("RawFrameBitCounts", p, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(WiegandRejection.Parity, "parity")]
    [InlineData(WiegandRejection.Length, "length")]
    [InlineData(WiegandRejection.KeyCode, "keycode")]
    public void ReasonText_Rejection_LowerCase(WiegandRejection rejection, string expected) =>
        Assert.Equal(expected, WiegandFrame.ReasonText(rejection));
}
