using GateController.Core.Access;
using GateController.Core.Credentials;
using GateController.Core.Residents;
using Microsoft.Extensions.Time.Testing;

namespace GateController.Storage.Tests.Access;

/// <summary>One <see cref="IAccessDirectory"/> with the means to fill it, so the gate's tables run over each kind.</summary>
internal interface IDirectoryHarness : IDisposable
{
    IAccessDirectory Directory { get; }

    FakeTimeProvider Time { get; }

    void AddResident(ResidentId id);

    void AddCard(ResidentId id, CardFormat format, byte[] uid);

    void SetPin(ResidentId id, string pin);

    /// <summary>Records an office face consent and enrolls a template.</summary>
    void ConsentAndEnrollFace(ResidentId id);

    void MoveOut(ResidentId id);

    /// <summary>Issues a visitor code from now for <paramref name="validFor"/>; returns the digits.</summary>
    string IssueVisitorCode(ResidentId issuer, TimeSpan validFor, int uses);

    bool HasFaceTemplate(ResidentId id);
}
