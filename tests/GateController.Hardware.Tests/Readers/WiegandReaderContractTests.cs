namespace GateController.Hardware.Tests.Readers;

public sealed class WiegandReaderContractTests : CredentialReaderContractTests
{
    protected override IReaderContractRig CreateRig() => new WiegandContractRig();
}
