using GateController.Core.Credentials;
using GateController.Core.Residents;

namespace GateController.Core.Tests.Credentials;

public sealed class CredentialRecordTests
{
    private static readonly ResidentId Alice = ResidentId.Parse("R0001");
    private static readonly DateTimeOffset At = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(-1, ValidityStatus.NotYetValid)]
    [InlineData(0, ValidityStatus.Valid)]
    [InlineData(59, ValidityStatus.Valid)]
    [InlineData(60, ValidityStatus.Expired)]
    public void Check_InstantAroundWindow_ReportsStatus(int minutesAfterStart, ValidityStatus expected)
    {
        var window = new ValidityWindow(At, At.AddHours(1));

        Assert.Equal(expected, window.Check(At.AddMinutes(minutesAfterStart)));
    }

    [Fact]
    public void Check_Default_AlwaysValid()
    {
        Assert.Equal(ValidityStatus.Valid, ValidityWindow.Always.Check(DateTimeOffset.MinValue));
        Assert.Equal(ValidityStatus.Valid, ValidityWindow.Always.Check(DateTimeOffset.MaxValue));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(-1, true)]
    [InlineData(1, false)]
    public void IsMalformed_EmptyOrReversed_True(int hours, bool expected) =>
        Assert.Equal(expected, new ValidityWindow(At, At.AddHours(hours)).IsMalformed);

    [Fact]
    public void CardCredential_CopiesUidAndMatchesOnFormatAndBytes()
    {
        var uid = new byte[] { 1, 2, 3, 4 };
        var card = new CardCredential(Alice, CardFormat.Mifare, uid, default);
        uid[0] = 9;

        Assert.True(card.Matches(CardFormat.Mifare, [1, 2, 3, 4]));
        Assert.False(card.Matches(CardFormat.Wiegand34, [1, 2, 3, 4]));
        Assert.False(card.Matches(CardFormat.Mifare, [9, 2, 3, 4]));
        Assert.Equal(CredentialKind.Card, card.Kind);
    }

    [Fact]
    public void CardCredential_ToString_DoesNotRevealUid()
    {
        var card = new CardCredential(Alice, CardFormat.Mifare, [0xDE, 0xAD, 0xBE, 0xEF], default);

        Assert.DoesNotContain("DEADBEEF", card.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("R0001", card.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructors_Misuse_Throw()
    {
        Assert.Throws<ArgumentException>(() => new CardCredential(Alice, CardFormat.Mifare, [], default));
        Assert.Throws<ArgumentException>(() => new PinCredential(default, default));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FaceCredential(Alice, new FaceTemplateId(0), default));
    }

    [Fact]
    public void FaceCredential_HoldsTemplateReferenceOnly()
    {
        var face = new FaceCredential(Alice, new FaceTemplateId(17), default);
        var propertyTypes = typeof(FaceCredential).GetProperties().Select(p => p.PropertyType).ToList();

        Assert.Equal(17, face.TemplateId.Value);
        Assert.DoesNotContain(typeof(byte[]), propertyTypes);
        Assert.DoesNotContain(typeof(float[]), propertyTypes);
        Assert.DoesNotContain(typeof(ReadOnlyMemory<float>), propertyTypes);
    }

    [Fact]
    public void VisitorCode_OneTime_UsedOnceHasNoUseLeft()
    {
        var code = new VisitorCodeCredential(Alice, new ValidityWindow(At, At.AddHours(4)), maximumUses: 1, usesConsumed: 0);

        var used = code.WithOneUseConsumed();

        Assert.True(code.IsOneTime);
        Assert.Equal(1, code.UsesRemaining);
        Assert.Equal(0, used.UsesRemaining);
        Assert.Throws<InvalidOperationException>(used.WithOneUseConsumed);
    }

    [Theory]
    [InlineData(true, false, 1, 0)]
    [InlineData(false, true, 1, 0)]
    [InlineData(true, true, 0, 0)]
    [InlineData(true, true, 2, 3)]
    [InlineData(true, true, 2, -1)]
    public void VisitorCode_InvalidArguments_Throw(bool hasStart, bool hasEnd, int maximumUses, int consumed)
    {
        var window = new ValidityWindow(hasStart ? At : null, hasEnd ? At.AddHours(1) : null);

        Assert.ThrowsAny<ArgumentException>(() => new VisitorCodeCredential(Alice, window, maximumUses, consumed));
    }
}
