using System.Globalization;
using GateController.Core.Consents;
using GateController.Core.Residents;

namespace GateController.Core.Privacy;

/// <summary>
/// A printable receipt for a resident's face consent (rule P3), in two copies (一式两联): 第一联 居民留存 (the resident
/// keeps it) and 第二联 物业存档 (the property office files it). It names the receipt number, the exact notice (version,
/// short and full SHA-256), how the consent was given, the guardian and operator, the time in Beijing time, its status,
/// and how to withdraw. Render with <see cref="ToText"/> or <see cref="ToHtml"/>; both are pure.
/// </summary>
public sealed class ConsentReceipt
{
    /// <summary>Beijing time (Asia/Shanghai): UTC+8, without daylight saving since 1991.</summary>
    public static readonly TimeSpan BeijingOffset = TimeSpan.FromHours(8);

    /// <summary>The two copies' labels, in print order.</summary>
    public static IReadOnlyList<string> CopyLabels { get; } = ["第一联 居民留存 / Copy 1: for the resident", "第二联 物业存档 / Copy 2: for the property office"];

    private ConsentReceipt(Resident resident, IdentifiedConsent consent, ConsentNotice notice, ConsentReceiptOptions options)
    {
        Number = ConsentReceiptNumber.FromConsentId(consent.ConsentId);
        Resident = resident;
        Consent = consent.Record;
        Notice = notice;
        ProcessorName = options.ProcessorName;
        OfficeContact = options.OfficeContact;
        GateKeySequence = options.GateWithdrawal.KeySequence;
        GateConfirmationKey = options.GateWithdrawal.ConfirmationKey;
    }

    /// <summary>The receipt number.</summary>
    public ConsentReceiptNumber Number { get; }

    /// <summary>The resident, as the office recorded them.</summary>
    public Resident Resident { get; }

    /// <summary>The consent the receipt is for.</summary>
    public ConsentRecord Consent { get; }

    /// <summary>The exact notice the consent names.</summary>
    public ConsentNotice Notice { get; }

    /// <summary>The processor printed on the receipt.</summary>
    public string ProcessorName { get; }

    /// <summary>How to reach the property office.</summary>
    public string OfficeContact { get; }

    /// <summary>The gate withdrawal key sequence.</summary>
    public string GateKeySequence { get; }

    /// <summary>The gate withdrawal confirmation key.</summary>
    public char GateConfirmationKey { get; }

    /// <summary>
    /// Builds the receipt for <paramref name="resident"/>'s face consent: the latest active one, or else the latest
    /// withdrawn one (printed as withdrawn). Returns false with a one-line reason when the resident has no face consent
    /// or the consent's exact notice (version and hash) is not among <paramref name="notices"/>. Throws
    /// <see cref="ArgumentException"/> for invalid options or a consent of another resident.
    /// </summary>
    public static bool TryCreate(
        Resident resident,
        IReadOnlyCollection<IdentifiedConsent> consents,
        IReadOnlyCollection<ConsentNotice> notices,
        ConsentReceiptOptions options,
        out ConsentReceipt? receipt,
        out string? error)
    {
        ArgumentNullException.ThrowIfNull(resident);
        ArgumentNullException.ThrowIfNull(consents);
        ArgumentNullException.ThrowIfNull(notices);
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(options));
        }

        foreach (var consent in consents)
        {
            ArgumentNullException.ThrowIfNull(consent, nameof(consents));
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(consent.ConsentId, nameof(consents));
            if (consent.Record.ResidentId != resident.Id)
            {
                throw new ArgumentException($"consent {consent.ConsentId} is for {consent.Record.ResidentId}, not for {resident.Id}", nameof(consents));
            }
        }

        receipt = null;
        var chosen = consents
            .Where(c => c.Record.Kind == ConsentKind.Face)
            .OrderBy(c => c.Record.WithdrawnAt is null ? 1 : 0)
            .ThenBy(c => c.Record.GivenAt)
            .ThenBy(c => c.ConsentId)
            .LastOrDefault();
        if (chosen is null)
        {
            error = $"resident {resident.Id} has no face consent";
            return false;
        }

        var notice = notices.FirstOrDefault(n => n.IsNamedBy(chosen.Record));
        if (notice is null)
        {
            var hash = chosen.Record.NoticeSha256.Length > ConsentNotice.ShortSha256Length ? chosen.Record.NoticeSha256[..ConsentNotice.ShortSha256Length] : chosen.Record.NoticeSha256;
            error = $"resident {resident.Id} consented under notice {chosen.Record.NoticeVersion} (sha256 {hash}), which is not in the configuration; add that exact notice text to print the receipt";
            return false;
        }

        receipt = new ConsentReceipt(resident, chosen, notice, options);
        error = null;
        return true;
    }

    /// <summary><paramref name="at"/> in Beijing time, for example "2026-11-25 10:00:00 (北京时间 UTC+8)".</summary>
    public static string FormatBeijingTime(DateTimeOffset at) =>
        at.ToOffset(BeijingOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " (北京时间 UTC+8)";

    /// <summary>The labelled rows both renderings print, in order: (Chinese / English label, value).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Rows()
    {
        var rows = new List<KeyValuePair<string, string>>
        {
            Row("回执编号 / Receipt no.", Number.Value),
            Row("个人信息处理者 / Processor", ProcessorName),
            Row("居民编号 / Resident id", Resident.Id.Value),
            Row("姓名 / Name", Resident.Name),
            Row("房号 / Room", string.IsNullOrWhiteSpace(Resident.Room) ? "—" : Resident.Room),
            Row("同意事项 / Consent to", "以人脸识别开门（单独同意，个人信息保护法第二十九条） / Opening the gate by face recognition (separate consent, PIPL art. 29)"),
            Row("告知书版本 / Notice version", $"{Notice.Version} ({Notice.Language})"),
            Row("告知书摘要 / Notice SHA-256", Notice.ShortSha256),
            Row("完整摘要 / Full SHA-256", Notice.Sha256),
            Row("同意方式 / How given", HowGiven()),
            Row("监护人 / Guardian", string.IsNullOrWhiteSpace(Consent.Guardian) ? "无 / none" : Consent.Guardian),
            Row("经办人 / Operator", Consent.Operator),
            Row("同意时间 / Given at", FormatBeijingTime(Consent.GivenAt)),
            Row("状态 / Status", Status()),
        };
        return rows;
    }

    /// <summary>The ways to withdraw, one line each, in Chinese then English.</summary>
    public IReadOnlyList<string> WithdrawalInstructions() =>
    [
        $"到物业服务中心办理 / At the property office: {OfficeContact}",
        $"在门口：刷本人门卡或输入本人密码，随即按 {GateKeySequence}，再按 {GateConfirmationKey} 确认；人脸模板在 1 秒内删除 / At the gate: present your own card or PIN, press {GateKeySequence}, then {GateConfirmationKey} to confirm; your face templates are deleted within 1 s",
        "撤回后门卡和密码照常开门，不影响您进出小区 / After withdrawal your card and PIN keep opening the gate",
    ];

    /// <summary>Both copies as plain text, separated by a dashed cut line.</summary>
    public string ToText() => ConsentReceiptTextRenderer.Render(this);

    /// <summary>Both copies as one self-contained HTML page that prints on one A4 sheet, split by a dashed cut line.</summary>
    public string ToHtml() => ConsentReceiptHtmlRenderer.Render(this);

    /// <inheritdoc />
    public override string ToString() => $"consent receipt {Number} for {Resident.Id}";

    private static KeyValuePair<string, string> Row(string label, string value) => new(label, value);

    private string HowGiven()
    {
        var form = string.IsNullOrWhiteSpace(Consent.FormNumber) ? string.Empty : Consent.FormNumber;
        return Consent.Channel switch
        {
            ConsentChannel.Office => $"在物业服务中心签署纸质同意书，编号 {form} / Signed paper form no. {form} at the property office",
            ConsentChannel.Gate => form.Length == 0
                ? "在门口设备上确认 / Confirmed at the gate unit"
                : $"在门口设备上确认，同意书编号 {form} / Confirmed at the gate unit, form no. {form}",
            _ => Consent.Channel.ToString(),
        };
    }

    private string Status() => Consent.WithdrawnAt is { } withdrawn
        ? $"已撤回 / Withdrawn {FormatBeijingTime(withdrawn)}（{ChannelName(Consent.WithdrawalChannel)}）"
        : "有效 / Active";

    private static string ChannelName(ConsentChannel? channel) => channel switch
    {
        ConsentChannel.Office => "物业服务中心 / property office",
        ConsentChannel.Gate => "门口 / at the gate",
        _ => "—",
    };
}
