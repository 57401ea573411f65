using GateController.Telemetry.Interop;
using GateController.Telemetry.Tests.Support;
using GateController.Telemetry.Threading;

namespace GateController.Telemetry.Tests.Threading;

public sealed class ThreadNiceTests
{
    [Fact]
    public void LowerCurrentThreadTo_AboveCurrent_KernelShowsItOnThatThreadOnly()
    {
        var testThreadBefore = ThreadStat.NiceOf(ThreadNice.CurrentThreadId);

        var (threadId, applied, seenByKernel) = ThreadStat.OnNewThread(() =>
        {
            var id = ThreadNice.CurrentThreadId;
            var result = ThreadNice.LowerCurrentThreadTo(ThreadNice.Maximum);
            return (id, result, ThreadStat.NiceOf(id));
        });

        Assert.NotEqual(ThreadNice.CurrentThreadId, threadId);
        Assert.Equal(ThreadNice.Maximum, applied);
        Assert.Equal(ThreadNice.Maximum, seenByKernel);
        Assert.Equal(testThreadBefore, ThreadStat.NiceOf(ThreadNice.CurrentThreadId));
    }

    [Fact]
    public void LowerCurrentThreadTo_BelowCurrent_KeepsTheLowerPriority()
    {
        var (applied, seenByKernel) = ThreadStat.OnNewThread(() =>
        {
            ThreadNice.LowerCurrentThreadTo(ThreadNice.Maximum);
            var result = ThreadNice.LowerCurrentThreadTo(0);
            return (result, ThreadStat.NiceOf(ThreadNice.CurrentThreadId));
        });

        Assert.Equal(ThreadNice.Maximum, applied);
        Assert.Equal(ThreadNice.Maximum, seenByKernel);
    }

    [Fact]
    public void Current_MatchesProcStat() =>
        Assert.Equal(ThreadStat.NiceOf(ThreadNice.CurrentThreadId), ThreadNice.Current);

    [Theory]
    [InlineData(-1)]
    [InlineData(20)]
    public void LowerCurrentThreadTo_OutOfRange_Throws(int nice) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ThreadNice.LowerCurrentThreadTo(nice));

    [Fact]
    public void PrioProcess_MatchesHeader()
    {
        const string probe = """
            #include <stdio.h>
            #include <sys/resource.h>
            int main(void) { printf("PRIO_PROCESS=%d\n", (int)PRIO_PROCESS); return 0; }
            """;

        var values = CHeaderProbe.ParseValues<int>(CHeaderProbe.CompileAndRun(probe));

        Assert.Equal(ThreadPriorityNative.PRIO_PROCESS, values["PRIO_PROCESS"]);
    }
}
