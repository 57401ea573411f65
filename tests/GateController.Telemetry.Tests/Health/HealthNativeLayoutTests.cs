using System.Globalization;
using System.Runtime.InteropServices;
using GateController.Telemetry.Health;
using GateController.Telemetry.Health.Interop;

namespace GateController.Telemetry.Tests.Health;

public sealed class HealthNativeLayoutTests
{
    private const string Probe = """
        #include <stdio.h>
        #include <stddef.h>
        #include <sys/statvfs.h>
        #include <sys/timex.h>
        int main(void) {
            struct timex t = {0};
            int state = adjtimex(&t);
            printf("timex=%zu\n", sizeof(struct timex));
            printf("timex.modes=%zu\n", offsetof(struct timex, modes));
            printf("timex.offset=%zu\n", offsetof(struct timex, offset));
            printf("timex.status=%zu\n", offsetof(struct timex, status));
            printf("timex.constant=%zu\n", offsetof(struct timex, constant));
            printf("timex.time=%zu\n", offsetof(struct timex, time));
            printf("timex.tick=%zu\n", offsetof(struct timex, tick));
            printf("timex.shift=%zu\n", offsetof(struct timex, shift));
            printf("timex.stabil=%zu\n", offsetof(struct timex, stabil));
            printf("timex.stbcnt=%zu\n", offsetof(struct timex, stbcnt));
            printf("timex.tai=%zu\n", offsetof(struct timex, tai));
            printf("STA_UNSYNC=%d\n", STA_UNSYNC);
            printf("TIME_ERROR=%d\n", TIME_ERROR);
            printf("synchronized=%d\n", state >= 0 && (t.status & STA_UNSYNC) == 0 && state != TIME_ERROR);
            printf("statvfs=%zu\n", sizeof(struct statvfs));
            printf("statvfs.f_bsize=%zu\n", offsetof(struct statvfs, f_bsize));
            printf("statvfs.f_frsize=%zu\n", offsetof(struct statvfs, f_frsize));
            printf("statvfs.f_blocks=%zu\n", offsetof(struct statvfs, f_blocks));
            printf("statvfs.f_bavail=%zu\n", offsetof(struct statvfs, f_bavail));
            printf("statvfs.f_favail=%zu\n", offsetof(struct statvfs, f_favail));
            printf("statvfs.f_fsid=%zu\n", offsetof(struct statvfs, f_fsid));
            printf("statvfs.f_namemax=%zu\n", offsetof(struct statvfs, f_namemax));
            return 0;
        }
        """;

    private static readonly Lazy<Dictionary<string, long>> Measured = new(() =>
        CHeaderProbe.ParseValues<long>(CHeaderProbe.CompileAndRun(Probe)));

    public static TheoryData<string, string> TimexFields => new()
    {
        { "modes", nameof(TimexNative.Modes) },
        { "offset", nameof(TimexNative.Offset) },
        { "status", nameof(TimexNative.Status) },
        { "constant", nameof(TimexNative.Constant) },
        { "time", nameof(TimexNative.TimeSeconds) },
        { "tick", nameof(TimexNative.Tick) },
        { "shift", nameof(TimexNative.Shift) },
        { "stabil", nameof(TimexNative.Stability) },
        { "stbcnt", nameof(TimexNative.StabilityCount) },
        { "tai", nameof(TimexNative.Tai) },
    };

    public static TheoryData<string, string> StatvfsFields => new()
    {
        { "f_bsize", nameof(StatvfsNative.BlockSize) },
        { "f_frsize", nameof(StatvfsNative.FragmentSize) },
        { "f_blocks", nameof(StatvfsNative.Blocks) },
        { "f_bavail", nameof(StatvfsNative.AvailableBlocks) },
        { "f_favail", nameof(StatvfsNative.AvailableFiles) },
        { "f_fsid", nameof(StatvfsNative.FileSystemId) },
        { "f_namemax", nameof(StatvfsNative.MaximumNameLength) },
    };

    [Fact]
    public void TimexSize_MatchesHeader() =>
        Assert.Equal(Measured.Value["timex"], Marshal.SizeOf<TimexNative>());

    [Theory]
    [MemberData(nameof(TimexFields))]
    public void TimexFieldOffset_MatchesHeader(string cField, string managedField) =>
        Assert.Equal(Measured.Value["timex." + cField], (long)Marshal.OffsetOf<TimexNative>(managedField));

    [Fact]
    public void StatvfsSize_MatchesHeader() =>
        Assert.Equal(Measured.Value["statvfs"], Marshal.SizeOf<StatvfsNative>());

    [Theory]
    [MemberData(nameof(StatvfsFields))]
    public void StatvfsFieldOffset_MatchesHeader(string cField, string managedField) =>
        Assert.Equal(Measured.Value["statvfs." + cField], (long)Marshal.OffsetOf<StatvfsNative>(managedField));

    [Theory]
    [InlineData("STA_UNSYNC", HealthLibc.STA_UNSYNC)]
    [InlineData("TIME_ERROR", HealthLibc.TIME_ERROR)]
    public void Constant_MatchesHeader(string name, int value) =>
        Assert.Equal(Measured.Value[name], value);

    [Fact]
    public void ReadSynchronized_ThisMachine_AgreesWithCompiledProbe() =>
        Assert.Equal(Measured.Value["synchronized"] == 1, NtpClockState.ReadSynchronized());

    [Theory]
    [InlineData(0x0000, 0, true)]
    [InlineData(0x0001, 0, true)]
    [InlineData(0x0040, 0, false)]
    [InlineData(0x2041, 0, false)]
    [InlineData(0x0000, 5, false)]
    [InlineData(0x2000, 1, true)]
    public void IsSynchronized_StatusAndState_Interprets(int status, int state, bool synchronized) =>
        Assert.Equal(synchronized, NtpClockState.IsSynchronized(status, state));
}
