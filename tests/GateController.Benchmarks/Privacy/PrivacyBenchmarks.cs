using BenchmarkDotNet.Attributes;
using GateController.Core.Access;
using GateController.Core.Consents;
using GateController.Core.Privacy;
using GateController.Core.Residents;

namespace GateController.Benchmarks.Privacy;

/// <summary>
/// The gate withdrawal key path (a decision, four keys, a request) runs on the keypad thread: it must stay in the
/// microseconds and allocate only the request. Validating a notice and rendering a receipt run once per operator
/// action: they only need to stay well under a millisecond.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class PrivacyBenchmarks
{
    private static readonly AccessDecision Granted = new(AccessReason.Granted, AccessMethods.Card, ResidentId.Parse("R0042"), false);

    private GateWithdrawalSequence _sequence = null!;
    private ConsentNotice _notice = null!;
    private ConsentReceipt _receipt = null!;

    [GlobalSetup]
    public void Setup()
    {
        _sequence = new GateWithdrawalSequence(new GateWithdrawalOptions(), TimeProvider.System);
        var lines = new List<string> { "# 告知书" };
        foreach (var requirement in ConsentNoticeRequirement.All)
        {
            lines.Add(requirement.HeadingLine);
            lines.AddRange(Enumerable.Repeat("本节说明处理规则，内容足够长以接近真实告知书的篇幅。This section explains the rule.", 8));
        }

        _notice = new ConsentNotice("2026-01", "zh", string.Join('\n', lines));
        var resident = new Resident(ResidentId.Parse("R0042"), "张三", "3-201", ResidentStatus.Active, false);
        var consent = new ConsentRecord
        {
            ResidentId = resident.Id,
            Kind = ConsentKind.Face,
            NoticeVersion = _notice.Version,
            NoticeSha256 = _notice.Sha256,
            Channel = ConsentChannel.Office,
            FormNumber = "F-2026-0042",
            Operator = "office-li",
            GivenAt = new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero),
        };
        var options = new ConsentReceiptOptions { ProcessorName = "阳光物业", OfficeContact = "3号楼一层物业服务中心" };
        if (!ConsentReceipt.TryCreate(resident, [new IdentifiedConsent(123, consent)], [_notice], options, out var receipt, out var error))
        {
            throw new InvalidOperationException(error);
        }

        _receipt = receipt!;
    }

    /// <summary>A decision, the sequence "*7#" and the confirmation "1".</summary>
    [Benchmark]
    public WithdrawalRequested? WithdrawAtGate()
    {
        _sequence.OnCredentialDecided(Granted);
        _sequence.OnKeyPressed('*');
        _sequence.OnKeyPressed('7');
        _sequence.OnKeyPressed('#');
        return _sequence.OnKeyPressed('1').Request;
    }

    /// <summary>Checks a notice of about 4,000 characters.</summary>
    [Benchmark]
    public int ValidateNotice() => ConsentNoticeValidator.Validate(_notice).Count;

    /// <summary>Renders both copies as HTML.</summary>
    [Benchmark]
    public int RenderReceiptHtml() => _receipt.ToHtml().Length;
}
