using GateController.Core.Access;
using GateController.Hardware.Gate;

namespace GateController.Hardware.Tests.Gate;

public sealed class DoorResponsesTests
{
    [Theory]
    [InlineData(AccessReason.Granted, false, DoorResponse.Grant)]
    [InlineData(AccessReason.Granted, true, DoorResponse.Grant)]
    [InlineData(AccessReason.UnknownCredential, false, DoorResponse.Deny)]
    [InlineData(AccessReason.UnknownCredential, true, DoorResponse.LockedOut)]
    [InlineData(AccessReason.NotYetValid, false, DoorResponse.Deny)]
    [InlineData(AccessReason.Expired, false, DoorResponse.Deny)]
    [InlineData(AccessReason.OutsideSchedule, false, DoorResponse.Deny)]
    [InlineData(AccessReason.SecondFactorRequired, false, DoorResponse.None)]
    [InlineData(AccessReason.SecondFactorWrong, false, DoorResponse.Deny)]
    [InlineData(AccessReason.SecondFactorWrong, true, DoorResponse.LockedOut)]
    [InlineData(AccessReason.LockedOut, false, DoorResponse.LockedOut)]
    [InlineData(AccessReason.FaceNotConsented, false, DoorResponse.None)]
    [InlineData(AccessReason.LivenessFailed, false, DoorResponse.Deny)]
    [InlineData(AccessReason.ResidentMovedOut, false, DoorResponse.Deny)]
    [InlineData(AccessReason.VisitorCodeUsedUp, false, DoorResponse.Deny)]
    [InlineData(AccessReason.MethodNotAllowed, false, DoorResponse.Deny)]
    public void From_Reason_DoorResponse(AccessReason reason, bool lockoutRaised, DoorResponse expected)
    {
        var decision = new AccessDecision(reason, AccessMethods.Card, null, false);

        Assert.Equal(expected, DoorResponses.From(decision, lockoutRaised));
    }
}
