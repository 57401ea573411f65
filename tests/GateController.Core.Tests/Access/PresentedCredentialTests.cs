using GateController.Core.Access;
using GateController.Core.Credentials;
using GateController.Core.Readers;
using GateController.Core.Residents;

namespace GateController.Core.Tests.Access;

public sealed class PresentedCredentialTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(CredentialKind.Pin, SecondFactorKind.Face)]
    [InlineData(CredentialKind.Face, SecondFactorKind.Pin)]
    [InlineData(CredentialKind.VisitorCode, SecondFactorKind.Pin)]
    public void Constructor_SecondFactorAfterNonCard_Throws(CredentialKind kind, SecondFactorKind secondFactor) =>
        Assert.Throws<ArgumentException>(() => new PresentedCredential(kind, secondFactor, true));

    [Theory]
    [InlineData((CredentialKind)17, SecondFactorKind.None)]
    [InlineData(CredentialKind.Card, (SecondFactorKind)17)]
    public void Constructor_UndefinedValues_Throw(CredentialKind kind, SecondFactorKind secondFactor) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PresentedCredential(kind, secondFactor, false));

    [Theory]
    [InlineData(CredentialKind.Card, SecondFactorKind.None, false)]
    [InlineData(CredentialKind.Card, SecondFactorKind.Pin, true)]
    [InlineData(CredentialKind.Card, SecondFactorKind.Face, false)]
    [InlineData(CredentialKind.Pin, SecondFactorKind.None, true)]
    [InlineData(CredentialKind.VisitorCode, SecondFactorKind.None, true)]
    [InlineData(CredentialKind.Face, SecondFactorKind.None, false)]
    public void UsesKeypad_Presentation_TrueWhenDigitsTyped(CredentialKind kind, SecondFactorKind secondFactor, bool expected) =>
        Assert.Equal(expected, new PresentedCredential(kind, secondFactor, false).UsesKeypad);

    [Fact]
    public void From_ReaderCredential_KeepsKindOnly()
    {
        Assert.Equal(CredentialKind.Card, PresentedCredential.From(CredentialPresented.ForCard("front", CardFormat.Wiegand26, [1, 2, 3], At)).Kind);
        Assert.Equal(CredentialKind.Pin, PresentedCredential.From(CredentialPresented.ForPin("keypad", "1234", At)).Kind);
        Assert.Equal(CredentialKind.VisitorCode, PresentedCredential.From(CredentialPresented.ForVisitorCode("keypad", "998877", At)).Kind);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void From_FaceCredential_CarriesLivenessAndNamesNoSecret(bool livenessPassed)
    {
        var face = CredentialPresented.ForFace("camera", ResidentId.Parse("R0001"), livenessPassed, At);
        var presented = PresentedCredential.From(face);
        Assert.Equal(CredentialKind.Face, presented.Kind);
        Assert.Equal(livenessPassed, presented.LivenessPassed);
        Assert.Equal(ResidentId.Parse("R0001"), face.FaceResident);
        Assert.True(face.CardUid.IsEmpty);
        Assert.Equal(string.Empty, face.Digits);
        Assert.DoesNotContain("R0001", face.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ForFace_DefaultResident_Throws() =>
        Assert.Throws<ArgumentException>(() => CredentialPresented.ForFace("camera", default, true, At));

    [Theory]
    [InlineData("north-gate", true)]
    [InlineData("B3_garage", true)]
    [InlineData("", false)]
    [InlineData("north gate", false)]
    [InlineData("a-door-name-that-is-far-too-long-x", false)]
    public void DoorIdTryParse_Text_AcceptsOnlySafeNames(string text, bool expected)
    {
        Assert.Equal(expected, DoorId.TryParse(text, out var id, out var error));
        Assert.Equal(expected, error is null);
        Assert.Equal(expected ? text : string.Empty, id.ToString());
    }
}
