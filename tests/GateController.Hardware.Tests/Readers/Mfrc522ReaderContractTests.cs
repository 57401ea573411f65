namespace GateController.Hardware.Tests.Readers;

public sealed class Mfrc522ReaderContractTests : CredentialReaderContractTests
{
    protected override IReaderContractRig CreateRig() => new Mfrc522ContractRig();
}
