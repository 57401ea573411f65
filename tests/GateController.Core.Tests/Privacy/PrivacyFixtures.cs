using GateController.Core.Consents;
using GateController.Core.Privacy;
using GateController.Core.Residents;

namespace GateController.Core.Tests.Privacy;

internal static class PrivacyFixtures
{
    public static readonly DateTimeOffset GivenAt = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    public static readonly Resident Adult = new(ResidentId.Parse("R0042"), "张三", "3-201", ResidentStatus.Active, false);

    public static readonly Resident Minor = new(ResidentId.Parse("R0043"), "王小明", "3-202", ResidentStatus.Active, true);

    public static ConsentRecord Consent(ConsentNotice notice, Resident? resident = null, string? guardian = null) => new()
    {
        ResidentId = (resident ?? Adult).Id,
        Kind = ConsentKind.Face,
        NoticeVersion = notice.Version,
        NoticeSha256 = notice.Sha256,
        Channel = ConsentChannel.Office,
        FormNumber = "F-2026-0042",
        Guardian = guardian,
        Operator = "office-li",
        GivenAt = GivenAt,
    };

    public static ConsentReceiptOptions ReceiptOptions() => new()
    {
        ProcessorName = "阳光物业服务有限公司",
        OfficeContact = "3号楼一层物业服务中心，电话 0571-8888 0000",
    };
}
