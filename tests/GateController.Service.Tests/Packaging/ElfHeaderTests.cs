namespace GateController.Service.Tests.Packaging;

public sealed class ElfHeaderTests
{
    public static TheoryData<byte[], int, int, int> Headers => new()
    {
        // 64-bit little-endian shared object for AArch64.
        { [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 183, 0], 2, 3, 183 },
        // 64-bit little-endian executable for x86-64.
        { [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 62, 0], 2, 2, 62 },
        // 32-bit big-endian executable for MIPS (8).
        { [0x7F, 0x45, 0x4C, 0x46, 1, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 8], 1, 2, 8 },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void TryRead_ElfHeader_ReadsClassTypeAndMachine(byte[] bytes, int expectedClass, int expectedType, int expectedMachine)
    {
        Assert.True(ElfHeader.TryRead(bytes, out var header));

        Assert.Equal(expectedClass, header.Class);
        Assert.Equal(expectedType, header.Type);
        Assert.Equal(expectedMachine, header.Machine);
    }

    [Theory]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C })]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0, 0xB8, 0, 0, 0 })]
    [InlineData(new byte[] { 0x23, 0x21, 0x2F, 0x62, 0x69, 0x6E, 0x2F, 0x73, 0x68, 0x0A, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 })]
    public void TryRead_NotElf_ReturnsFalse(byte[] bytes)
    {
        Assert.False(ElfHeader.TryRead(bytes, out _));
    }

    [Fact]
    public void ReadFile_RuntimeOfThisProcess_MatchesProcessArchitecture()
    {
        var runtime = Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "libcoreclr.so");

        var header = ElfHeader.ReadFile(runtime);

        var expected = System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture switch
        {
            System.Runtime.InteropServices.Architecture.X64 => ElfHeader.MachineX86_64,
            System.Runtime.InteropServices.Architecture.Arm64 => ElfHeader.MachineAArch64,
            var other => throw new PlatformNotSupportedException(other.ToString()),
        };
        Assert.Equal(expected, header.Machine);
        Assert.Equal(ElfHeader.Class64, header.Class);
    }
}
