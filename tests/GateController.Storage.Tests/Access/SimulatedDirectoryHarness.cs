using GateController.Core.Access;
using GateController.Core.Consents;
using GateController.Core.Credentials;
using GateController.Core.Residents;
using GateController.Simulation.Access;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Storage.Tests.Access;

/// <summary>The simulation's in-memory <see cref="SimulatedAccessDirectory"/>.</summary>
internal sealed class SimulatedDirectoryHarness : IDirectoryHarness
{
    private readonly SimulatedAccessDirectory _directory = new(DuressPinTransformation.LastDigitPlusOne);
    private int _nextCode = 81_000_000;
    private long _nextTemplate = 1;

    public IAccessDirectory Directory => _directory;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    public void AddResident(ResidentId id) => _directory.AddResident(new Resident(id, "Name " + id.Value, "3-201", ResidentStatus.Active, IsMinor: false));

    public void AddCard(ResidentId id, CardFormat format, byte[] uid) => _directory.AddCard(id, format, uid, ValidityWindow.Always);

    public void SetPin(ResidentId id, string pin) => _directory.SetPin(id, pin, ValidityWindow.Always);

    public void ConsentAndEnrollFace(ResidentId id)
    {
        _directory.RecordConsent(new ConsentRecord
        {
            ResidentId = id,
            Kind = ConsentKind.Face,
            NoticeVersion = "1.0",
            NoticeSha256 = ConsentRecord.HashNotice(StoreHarness.NoticeText),
            Channel = ConsentChannel.Office,
            FormNumber = "F-0001",
            Operator = "office-1",
            GivenAt = Time.GetUtcNow(),
        });
        _directory.EnrollFace(id, new FaceTemplateId(_nextTemplate++), ValidityWindow.Always);
    }

    public void MoveOut(ResidentId id) => _directory.MoveOut(id);

    public string IssueVisitorCode(ResidentId issuer, TimeSpan validFor, int uses)
    {
        var code = (_nextCode++).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var now = Time.GetUtcNow();
        _directory.AddVisitorCode(issuer, code, new ValidityWindow(now, now + validFor), uses);
        return code;
    }

    public bool HasFaceTemplate(ResidentId id) => _directory.FindFace(id) is not null;

    public void Dispose()
    {
    }

    public override string ToString() => "simulated";
}
