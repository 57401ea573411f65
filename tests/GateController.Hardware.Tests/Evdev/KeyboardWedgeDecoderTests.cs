using GateController.Hardware.Input;
using GateController.Hardware.Readers.Hid;
using GateController.Simulation.Input;

namespace GateController.Hardware.Tests.Evdev;

public sealed class KeyboardWedgeDecoderTests
{
    [Theory]
    [InlineData("0012345678", "0000BC614E")]
    [InlineData("12345678", "0000BC614E")]
    [InlineData("4294967295", "00FFFFFFFF")]
    [InlineData("99999999999999", "00005AF3107A3FFF")]
    public void Feed_DecimalReader_CardBytesIgnoreLeadingZeros(string typed, string expectedHex)
    {
        var result = Decode(new KeyboardWedgeOptions(), new KeyboardWedgeRecording().Type(typed));

        Assert.Equal(KeyboardWedgeOutcome.Card, result.Outcome);
        Assert.Equal(expectedHex, result.CardHex);
    }

    [Theory]
    [InlineData("0A1B2C3D4E", "0A1B2C3D4E")]
    [InlineData("a1b2c3d4e", "0A1B2C3D4E")]
    [InlineData("00ABCDEF", "00ABCDEF")]
    public void Feed_HexReader_CardBytesFromHex(string typed, string expectedHex)
    {
        var result = Decode(new KeyboardWedgeOptions { NumberFormat = KeyboardWedgeNumberFormat.HexadecimalDigits }, new KeyboardWedgeRecording().Type(typed));

        Assert.Equal(KeyboardWedgeOutcome.Card, result.Outcome);
        Assert.Equal(expectedHex, result.CardHex);
    }

    [Theory]
    [InlineData("12AB5678", "invalid-key")]
    [InlineData("1234!678", "invalid-key")]
    [InlineData("1234 5678", "invalid-key")]
    [InlineData("12345", "length")]
    [InlineData("123456789012345678901", "length")]
    [InlineData("hi 123456", "invalid-key")]
    public void Feed_NotACardNumber_RejectedWithReason(string typed, string reason)
    {
        var result = Decode(new KeyboardWedgeOptions(), new KeyboardWedgeRecording().Type(typed));

        Assert.Equal(KeyboardWedgeOutcome.Rejected, result.Outcome);
        Assert.Equal(reason, result.Reason);
    }

    [Fact]
    public void Feed_DigitsTypedByAPerson_RejectedTypedByHand()
    {
        var result = Decode(new KeyboardWedgeOptions(), new KeyboardWedgeRecording().Type("0012345678", keyIntervalMicroseconds: 180_000));

        Assert.Equal(KeyboardWedgeOutcome.Rejected, result.Outcome);
        Assert.Equal("typed-by-hand", result.Reason);
    }

    [Fact]
    public void Feed_AfterRejection_NextCardDecodes()
    {
        var recording = new KeyboardWedgeRecording().Type("hi", keyIntervalMicroseconds: 200_000).Type("0000000042");
        var decoder = new KeyboardWedgeDecoder(new KeyboardWedgeOptions());
        var outcomes = recording.Events.Select(e => decoder.Feed(e)).Where(o => o != KeyboardWedgeOutcome.None).ToList();

        Assert.Equal([KeyboardWedgeOutcome.Rejected, KeyboardWedgeOutcome.Card], outcomes);
        Assert.Equal("000000002A", Convert.ToHexString(decoder.Card));
    }

    [Fact]
    public void Expire_PartialOlderThanTimeout_RejectedPartialTimeout()
    {
        var recording = new KeyboardWedgeRecording().Type("12345", enter: false);
        var decoder = new KeyboardWedgeDecoder(new KeyboardWedgeOptions { PartialTimeoutMilliseconds = 500 });
        foreach (var e in recording.Events)
        {
            decoder.Feed(e);
        }

        var last = recording.Events[^1].TimestampMicroseconds;

        Assert.Equal(KeyboardWedgeOutcome.None, decoder.Expire(last + 400_000));
        Assert.Equal(KeyboardWedgeOutcome.Rejected, decoder.Expire(last + 600_000));
        Assert.Equal("partial-timeout", decoder.RejectionReason);
        Assert.False(decoder.HasPartial);
    }

    [Fact]
    public void Feed_NonKeyEventsAndBareEnter_NoOutcome()
    {
        var result = Decode(new KeyboardWedgeOptions(), new KeyboardWedgeRecording().Noise(10).Type(string.Empty));

        Assert.Equal(KeyboardWedgeOutcome.None, result.Outcome);
    }

    [Theory]
    [InlineData(InputEventCodes.KeyKeypad0, false, '0')]
    [InlineData(InputEventCodes.KeyKeypad1, false, '1')]
    [InlineData(InputEventCodes.KeyKeypad5, false, '5')]
    [InlineData(InputEventCodes.KeyKeypad9, false, '9')]
    [InlineData(InputEventCodes.KeyKeypad9, true, '9')]
    [InlineData(InputEventCodes.Key0, false, '0')]
    [InlineData(InputEventCodes.KeyF, true, 'F')]
    [InlineData(InputEventCodes.Key1, true, null)]
    [InlineData(InputEventCodes.KeySpace, false, null)]
    public void CharacterOf_KeyAndShift_GivesCharacter(ushort code, bool shifted, char? expected) =>
        Assert.Equal(expected, InputEventCodes.CharacterOf(code, shifted));

    [Fact]
    public void Validate_EverythingWrong_OneProblemPerSetting()
    {
        var options = new KeyboardWedgeOptions
        {
            NumberFormat = (KeyboardWedgeNumberFormat)9,
            MinimumLength = 0,
            MaximumLength = 99,
            MaximumKeyIntervalMilliseconds = 0,
            PartialTimeoutMilliseconds = 0,
            ReconnectInitialDelayMilliseconds = 0,
            ReconnectMaximumDelayMilliseconds = -1,
        };

        Assert.Equal(7, options.Validate().Count);
    }

    private static (KeyboardWedgeOutcome Outcome, string CardHex, string Reason) Decode(KeyboardWedgeOptions options, KeyboardWedgeRecording recording)
    {
        var decoder = new KeyboardWedgeDecoder(options);
        var outcome = KeyboardWedgeOutcome.None;
        foreach (var e in recording.Events)
        {
            var o = decoder.Feed(e);
            if (o != KeyboardWedgeOutcome.None)
            {
                outcome = o;
            }
        }

        return (outcome, Convert.ToHexString(decoder.Card), decoder.RejectionReason);
    }
}
