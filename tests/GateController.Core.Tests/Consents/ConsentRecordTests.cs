using GateController.Core.Consents;
using GateController.Core.Residents;

namespace GateController.Core.Tests.Consents;

public sealed class ConsentRecordTests
{
    private const string Notice = "人脸识别开门告知书 v1: purpose, method, retention 365 days, contact the property office.";
    private static readonly DateTimeOffset Given = new(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly Resident Adult = new(ResidentId.Parse("R0001"), "Alice", "3-201", ResidentStatus.Active, false);
    private static readonly Resident Minor = new(ResidentId.Parse("R0009"), "Xiao Ming", "3-201", ResidentStatus.Active, true);

    [Fact]
    public void HashNotice_KnownText_IsSha256OfUtf8()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ConsentRecord.HashNotice("abc"));
        Assert.Equal(ConsentRecord.NoticeSha256Length, ConsentRecord.HashNotice(Notice).Length);
    }

    [Fact]
    public void Validate_CompleteOfficeConsent_NoProblem()
    {
        var consent = OfficeConsent(Adult);

        Assert.Empty(consent.Validate(Adult));
        Assert.True(consent.IsForNotice(Notice));
        Assert.False(consent.IsForNotice(Notice + " "));
    }

    [Fact]
    public void Validate_MinorWithoutGuardian_NamesGuardian()
    {
        var consent = OfficeConsent(Minor);

        var problem = Assert.Single(consent.Validate(Minor));
        Assert.StartsWith("Guardian:", problem, StringComparison.Ordinal);
        Assert.Empty((consent with { Guardian = "Wang Fang" }).Validate(Minor));
    }

    [Fact]
    public void Validate_EveryFieldWrong_OneProblemPerField()
    {
        var consent = OfficeConsent(Adult) with
        {
            ResidentId = ResidentId.Parse("R0002"),
            Kind = (ConsentKind)5,
            NoticeVersion = " ",
            NoticeSha256 = "ABC",
            FormNumber = null,
            Operator = "",
            WithdrawnAt = Given.AddDays(-1),
        };

        var fields = consent.Validate(Adult).Select(p => p[..p.IndexOf(':', StringComparison.Ordinal)]);

        Assert.Equal(["ResidentId", "Kind", "NoticeVersion", "NoticeSha256", "FormNumber", "Operator", "WithdrawnAt", "WithdrawalChannel"], fields);
    }

    [Fact]
    public void Validate_GateConsent_NeedsNoFormNumber() =>
        Assert.Empty((OfficeConsent(Adult) with { Channel = ConsentChannel.Gate, FormNumber = null }).Validate(Adult));

    [Fact]
    public void Withdraw_AtGate_EndsConsentFromThatInstant()
    {
        var consent = OfficeConsent(Adult);

        var withdrawn = consent.Withdraw(Given.AddDays(30), ConsentChannel.Gate);

        Assert.True(withdrawn.IsActiveAt(Given.AddDays(29)));
        Assert.False(withdrawn.IsActiveAt(Given.AddDays(30)));
        Assert.False(withdrawn.IsActiveAt(Given.AddSeconds(-1)));
        Assert.Equal(ConsentChannel.Gate, withdrawn.WithdrawalChannel);
        Assert.Empty(withdrawn.Validate(Adult));
        Assert.Throws<InvalidOperationException>(() => withdrawn.Withdraw(Given.AddDays(31), ConsentChannel.Office));
        Assert.Throws<ArgumentOutOfRangeException>(() => consent.Withdraw(Given.AddDays(-1), ConsentChannel.Office));
    }

    [Fact]
    public void ToString_Consent_NamesNeitherGuardianNorOperator()
    {
        var consent = OfficeConsent(Minor) with { Guardian = "Wang Fang" };

        var text = consent.ToString();

        Assert.Contains("R0009", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Wang Fang", text, StringComparison.Ordinal);
        Assert.DoesNotContain("office-li", text, StringComparison.Ordinal);
    }

    private static ConsentRecord OfficeConsent(Resident resident) => new()
    {
        ResidentId = resident.Id,
        Kind = ConsentKind.Face,
        NoticeVersion = "2026-11",
        NoticeSha256 = ConsentRecord.HashNotice(Notice),
        Channel = ConsentChannel.Office,
        FormNumber = "F-000123",
        Operator = "office-li",
        GivenAt = Given,
    };
}
