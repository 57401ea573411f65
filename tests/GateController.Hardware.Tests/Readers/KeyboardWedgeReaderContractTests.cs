namespace GateController.Hardware.Tests.Readers;

public sealed class KeyboardWedgeReaderContractTests : CredentialReaderContractTests
{
    protected override IReaderContractRig CreateRig() => new KeyboardWedgeContractRig();
}
